import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { TwinningError } from '../core/errors.js';
import type { DialectName } from './dialect-name.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { MIGRATION_NAMES } from './migrations/names.js';
import type { DB } from './schema.js';

/** An open registry database: the Kysely handle and which dialect it speaks. */
export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where it is, for messages (a file path, or the URL without its password). */
  location: string;
  /** Closes every connection; calling it again waits for the same close. */
  close(): Promise<void>;
}

/** The database the registry uses when none is named. */
export const DEFAULT_DATABASE_URL = 'twinning.sqlite';

/** Opens a database from a URL: `postgres://…` or `postgresql://…` for PostgreSQL; a file path or `sqlite:path` for SQLite. */
export function openDatabase(url: string): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { db, close } = openPostgres(url);
    return { db, dialect: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), close };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file.trim() === '')
    throw new TwinningError('InvalidInput', 'the database URL names no file', { field: 'db' });
  const { db } = openSqlite(file);
  let closing: Promise<void> | undefined;
  return { db, dialect: 'sqlite', location: file, close: () => (closing ??= db.destroy()) };
}

/** The names of the migrations applied, or undefined when none ever was (no migration table). */
async function appliedMigrations(db: Kysely<DB>): Promise<Set<string> | undefined> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return new Set(rows.map((r) => r.name));
  } catch {
    return undefined;
  }
}

/**
 * Applies every migration not yet applied, in order, each in its own transaction. A database already at the
 * latest is told by one query, without the migrator (which introspects every table and takes its lock).
 */
export async function migrateToLatest(database: Database): Promise<void> {
  const applied = await appliedMigrations(database.db);
  if (applied && MIGRATION_NAMES.every((name) => applied.has(name))) return;
  const { allMigrations } = await import('./migrations/index.js');
  const migrations = allMigrations(database.dialect);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
