import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../schema.js';

// COUNT(*) and BIGINT arrive as strings by default; the registry's counts and populations fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Opens a pooled connection to a PostgreSQL database given by URL. */
export function openPostgres(url: string, poolSize = 10): { db: Kysely<DB>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), pool };
}
