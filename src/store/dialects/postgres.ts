import { createRequire } from 'node:module';
import type pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../schema.js';

let loaded: typeof pg | undefined;

/**
 * The pg driver, loaded on first use so that a process on SQLite never pays for it (pg is CommonJS, so a
 * synchronous require keeps openDatabase synchronous).
 */
function driver(): typeof pg {
  if (loaded) return loaded;
  loaded = createRequire(import.meta.url)('pg') as typeof pg;
  // COUNT(*) and BIGINT arrive as strings by default; the registry's counts and populations fit in a double.
  loaded.types.setTypeParser(loaded.types.builtins.INT8, (value: string) => Number(value));
  return loaded;
}

/** A Kysely handle on a pool, and a close that resolves only once every connection of the pool has ended. */
export interface PostgresHandle {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** Ends the pool and waits until each of its connections is closed (idempotent). */
  close(): Promise<void>;
}

/**
 * Opens a pooled connection to a PostgreSQL database given by URL. An idle connection the server ends
 * (a restart, `pg_terminate_backend`, a dropped database: 57P01) is removed from the pool instead of
 * crashing the process with an unhandled 'error' event; the next query opens a new one.
 */
export function openPostgres(url: string, poolSize = 10): PostgresHandle {
  const pool = new (driver().Pool)({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // the pool has already removed the client; nothing else to do
  let open = 0;
  const drained: Array<() => void> = [];
  pool.on('connect', () => void open++);
  pool.on('remove', () => {
    open--;
    if (open === 0) for (const resolve of drained.splice(0)) resolve();
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  // pool.end() resolves before its clients' sockets are closed; waiting for 'remove' of each one means a
  // caller that drops the database next finds no session of ours still ending.
  const close = () =>
    (closing ??= (async () => {
      const allRemoved = new Promise<void>((resolve) => (open === 0 ? resolve() : drained.push(resolve)));
      await db.destroy();
      await allRemoved;
    })());
  return { db, pool, close };
}
