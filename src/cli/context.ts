import { partialDateFromJsDate, type PartialDate } from '../core/partial-date.js';
import type { Database } from '../store/database.js';

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
 * Runs `fn` on the opened (migrated, seeded) registry and closes it afterwards; loads the registry's code on
 * first use. The search's word index is brought up to date only for a command that searches (`search: true`).
 */
export async function withRegistry<T>(
  options: GlobalOptions,
  fn: (database: Database) => Promise<T>,
  use: { search?: boolean } = {},
): Promise<T> {
  const { BUNDLED_DATA_DIR, openRegistry } = await import('../registry/open-registry.js');
  const { database } = await openRegistry(await databaseUrl(options), BUNDLED_DATA_DIR, {
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
