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

/** Opens a pooled connection to a PostgreSQL database given by URL. */
export function openPostgres(url: string, poolSize = 10): { db: Kysely<DB>; pool: pg.Pool } {
  const pool = new (driver().Pool)({ connectionString: url, max: poolSize });
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), pool };
}
