import { partialDateFromJsDate, type PartialDate } from '../core/partial-date.js';
import { TwinningError } from '../core/errors.js';
import type { Database } from '../store/database.js';
import type { InitialDataset, OpenOptions } from '../registry/open-registry.js';

/** Where a command writes: standard output and standard error, replaceable in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The options every command accepts. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** The database URL a command uses: --db, else TWINNING_DATABASE_URL, else the default SQLite file. */
export async function databaseUrl(options: GlobalOptions): Promise<string> {
  const { DEFAULT_DATABASE_URL } = await import('../store/database.js');
  return options.db ?? process.env.TWINNING_DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/**
 * What a new database is filled with when a command first opens it: the world, unless
 * TWINNING_DATASET=bundled (the test suite's setting) asks for the bundled dataset alone.
 */
export function initialDataset(): InitialDataset {
  const value = process.env.TWINNING_DATASET ?? 'world';
  if (value !== 'world' && value !== 'bundled')
    throw new TwinningError('InvalidInput', `"${value}" is not a dataset; use world or bundled`, {
      field: 'TWINNING_DATASET',
    });
  return value;
}

/** How the CLI opens a registry: the initial dataset, and a progress bar on standard error while the world loads. */
export async function openOptions(dataset: InitialDataset = initialDataset()): Promise<OpenOptions> {
  return {
    dataset,
    // The progress bar's code is loaded only when a new registry loads the world.
    progress: async (total) =>
      (await import('../ingest/progress.js')).createProgress(
        'loading the world registry',
        process.stderr,
        total,
      ),
  };
}

/**
 * Runs `fn` on the opened (migrated, filled) registry and closes it afterwards; loads the registry's code on
 * first use. The search's word index is brought up to date only for a command that searches (`search: true`).
 */
export async function withRegistry<T>(
  options: GlobalOptions,
  fn: (database: Database) => Promise<T>,
  use: { search?: boolean } = {},
): Promise<T> {
  const { BUNDLED_DATA_DIR, openRegistry } = await import('../registry/open-registry.js');
  const { database } = await openRegistry(await databaseUrl(options), BUNDLED_DATA_DIR, {
    ...(await openOptions()),
    nameIndex: use.search === true,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Today, read from the clock once at the edge. */
export function today(): PartialDate {
  return partialDateFromJsDate(new Date());
}

/** Writes a value as pretty JSON. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
