import { partialDateFromJsDate, type PartialDate } from '../core/partial-date.js';
import { DEFAULT_DATABASE_URL, type Database } from '../store/database.js';
import { TwinningError } from '../core/errors.js';
import { createProgress } from '../ingest/progress.js';
import { openRegistry, type InitialDataset, type OpenOptions } from '../registry/open-registry.js';

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
export function databaseUrl(options: GlobalOptions): string {
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
export function openOptions(dataset: InitialDataset = initialDataset()): OpenOptions {
  return {
    dataset,
    progress: (total) => createProgress('loading the world registry', process.stderr, total),
  };
}

/** Runs `fn` on the opened (migrated, filled) registry and closes it afterwards. */
export async function withRegistry<T>(
  options: GlobalOptions,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const { database } = await openRegistry(databaseUrl(options), undefined, openOptions());
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
