import { partialDateFromJsDate, type PartialDate } from '../core/partial-date.js';
import { DEFAULT_DATABASE_URL, type Database } from '../store/database.js';
import { openRegistry } from '../registry/open-registry.js';

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

/** Runs `fn` on the opened (migrated, seeded) registry and closes it afterwards. */
export async function withRegistry<T>(
  options: GlobalOptions,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const { database } = await openRegistry(databaseUrl(options));
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
