import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../schema.js';

/** Opens (creating when absent) a SQLite file with WAL journaling and foreign keys on. */
export function openSqlite(file: string): { db: Kysely<DB>; raw: Database.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) }), raw };
}
