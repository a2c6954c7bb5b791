import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';
import type { DB } from '../schema.js';

/** How long a write waits in all for another process's write lock before SQLITE_BUSY, in milliseconds. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * How long one statement may wait for a lock inside SQLite (busy_timeout). better-sqlite3 is synchronous, so
 * this wait blocks the thread's event loop: it is kept short, and a transaction waits for the write lock
 * asynchronously instead (see ImmediateSqliteDialect).
 */
export const SQLITE_BLOCKING_WAIT_MS = 20;

const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown }).code === 'string' &&
  /^SQLITE_BUSY/.test((error as { code: string }).code);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pauses between tries for a lock: growing from 5 ms to 250 ms, jittered so that two processes do not keep meeting. */
function* pauses(): Generator<number> {
  for (let pause = 5; ; pause = Math.min(2 * pause, 250)) yield pause * (0.5 + Math.random());
}

/**
 * Tries `attempt` until it does not fail with SQLITE_BUSY, pausing between tries, for SQLITE_BUSY_TIMEOUT_MS in
 * all: the last pause is cut to what remains, so that the whole budget is waited before the error is thrown.
 */
async function whileBusy<T>(attempt: () => Promise<T>, pause: (ms: number) => Promise<void>): Promise<T> {
  const deadline = performance.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (const next of pauses()) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - performance.now();
      if (!isBusy(error) || left <= 0) throw error;
      await pause(Math.min(next, left));
    }
  }
  throw new Error('unreachable');
}

/**
 * SQLite's dialect with every transaction begun IMMEDIATE, and waits for another process's write lock made
 * asynchronous. A deferred transaction that reads and then writes fails at once with SQLITE_BUSY_SNAPSHOT when
 * another process committed in between (no wait can help it); an immediate one takes the lock first and then
 * reads the latest data, so its version checks hold. While another process holds the lock, the BEGIN is
 * retried after a pause, and so is a statement outside a transaction (a cache write); the connection is released
 * during each pause, so that the event loop and this process's other queries go on meanwhile. After
 * SQLITE_BUSY_TIMEOUT_MS in all the SQLITE_BUSY error is thrown (the API answers 503 with Retry-After).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const begin = CompiledQuery.raw('begin immediate');
    let inTransaction = false;
    const patched = new WeakSet<DatabaseConnection>();
    /** Waits with the connection released, so that this process's other queries use it meanwhile. */
    const pauseReleased = async (connection: DatabaseConnection, ms: number) => {
      await driver.releaseConnection(connection);
      await sleep(ms);
      // SQLite's driver has one connection: taking it again waits for whoever used it meanwhile.
      if ((await acquire()) !== connection) throw new Error('the SQLite driver gave another connection back');
    };
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const connection = await acquire();
      if (patched.has(connection)) return connection;
      patched.add(connection);
      const execute = connection.executeQuery.bind(connection);
      connection.executeQuery = (async (query: CompiledQuery) => {
        if (inTransaction) return execute(query);
        return whileBusy(
          () => execute(query),
          (ms) => pauseReleased(connection, ms),
        );
      }) as DatabaseConnection['executeQuery'];
      return connection;
    };
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await whileBusy(
        async () => {
          inTransaction = true; // the BEGIN itself is tried once here, not retried inside executeQuery
          try {
            await connection.executeQuery(begin);
          } catch (error) {
            inTransaction = false;
            throw error;
          }
        },
        (ms) => pauseReleased(connection, ms),
      );
    };
    for (const end of ['commitTransaction', 'rollbackTransaction'] as const) {
      const finish = driver[end].bind(driver);
      driver[end] = async (connection: DatabaseConnection) => {
        try {
          await finish(connection);
        } finally {
          inTransaction = false;
        }
      };
    }
    return driver;
  }
}

/** How many prepared statements a connection keeps (a few hundred distinct statements serve the API). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements kept by their SQL text (least
 * recently used dropped past `size`): better-sqlite3 compiles a statement on every `prepare`, which cost more
 * than running the API's small queries. A statement still iterating (a stream left open) is not handed out
 * again: a fresh one is prepared instead. SQLite re-prepares a kept statement itself when the schema changed.
 */
export function cachingStatements(
  raw: Database.Database,
  size = STATEMENT_CACHE_SIZE,
): Pick<Database.Database, 'prepare' | 'close'> {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(source: string) {
      const kept = statements.get(source);
      if (kept && !kept.busy) {
        statements.delete(source);
        statements.set(source, kept);
        return kept;
      }
      const statement = raw.prepare(source);
      if (!kept) {
        statements.set(source, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
    close() {
      statements.clear();
      return raw.close();
    },
  } as Pick<Database.Database, 'prepare' | 'close'>;
}

/** Opens (creating when absent) a SQLite file with WAL journaling, foreign keys on and a short busy timeout. */
export function openSqlite(file: string): { db: Kysely<DB>; raw: Database.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file, { timeout: SQLITE_BLOCKING_WAIT_MS });
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${SQLITE_BLOCKING_WAIT_MS}`);
  raw.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: cachingStatements(raw) }) }),
    raw,
  };
}
