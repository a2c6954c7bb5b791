import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import type { DB } from '../schema.js';

/** How long a statement waits for another process's lock before SQLITE_BUSY, in milliseconds. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite's dialect with one change: every transaction begins IMMEDIATE, taking the write lock before its
 * first read. A deferred transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT
 * when another process committed in between (the busy timeout cannot help it); an immediate one waits
 * for the lock (up to the busy timeout) and then reads the latest data, so its version checks hold.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const begin = CompiledQuery.raw('begin immediate');
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(begin);
    };
    return driver;
  }
}

/** Opens (creating when absent) a SQLite file with WAL journaling, foreign keys on and a busy timeout. */
export function openSqlite(file: string): { db: Kysely<DB>; raw: Database.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  raw.pragma('synchronous = NORMAL');
  return { db: new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: raw }) }), raw };
}
