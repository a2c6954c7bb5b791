import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database as Registry } from '../../../src/store/database.js';
import { SQLITE_BUSY_TIMEOUT_MS } from '../../../src/store/dialects/sqlite.js';
import { createTestDatabase } from '../../support/databases.js';

/** The longest gap between ticks of a 5 ms timer while `work` runs: how long the event loop was blocked. */
async function longestStall<T>(work: Promise<T>): Promise<{ value: T; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    return { value: await work, stall };
  } finally {
    clearInterval(timer);
  }
}

describe('SQLite writes while another process holds the write lock', () => {
  let registry: Registry;
  let other: Database.Database;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const created = await createTestDatabase('sqlite');
    drop = created.drop;
    registry = openDatabase(created.url);
    await sql`create table t (v integer)`.execute(registry.db);
    // Another process's connection to the same file (better-sqlite3 is synchronous, like a second process).
    other = new Database(created.url);
    other.pragma('journal_mode = WAL');
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await registry.close();
    await drop();
  });

  it('wait for it without blocking the event loop, and let other queries through meanwhile', async () => {
    other.exec('begin immediate');
    setTimeout(() => other.exec('commit'), 1000);
    const started = performance.now();
    const write = registry.db.transaction().execute(async (trx) => {
      await sql`insert into t (v) values (1)`.execute(trx);
      return performance.now() - started;
    });
    const autocommit = registry.db
      .insertInto('t' as never)
      .values({ v: 2 } as never)
      .execute();
    // A read while both writes wait: the connection is free between tries.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const readAt = performance.now();
    await sql`select count(*) from t`.execute(registry.db);
    const readMs = performance.now() - readAt;
    const { value: waited, stall } = await longestStall(write);
    await autocommit;
    expect(waited).toBeGreaterThanOrEqual(900); // it did wait for the lock
    // A synchronous wait would have blocked for the whole second; the margins allow for a loaded machine.
    expect(readMs).toBeLessThan(500);
    expect(stall).toBeLessThan(500);
    const rows = await sql<{ v: number }>`select v from t order by v`.execute(registry.db);
    expect(rows.rows.map((r) => r.v)).toEqual([1, 2]);
  }, 30_000);

  it('give up with SQLITE_BUSY after the busy timeout, and work once the lock is free', async () => {
    other.exec('begin immediate');
    const started = performance.now();
    const failed = await longestStall(
      registry.db
        .transaction()
        .execute(async (trx) => sql`insert into t (v) values (3)`.execute(trx))
        .then(
          () => undefined,
          (error: unknown) => error as { code?: string },
        ),
    );
    expect(failed.value?.code).toMatch(/^SQLITE_BUSY/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(SQLITE_BUSY_TIMEOUT_MS - 300);
    expect(failed.stall).toBeLessThan(1000); // a synchronous wait: the whole 5 s
    other.exec('commit');
    await registry.db.transaction().execute(async (trx) => sql`insert into t (v) values (4)`.execute(trx));
    const rows = await sql<{ v: number }>`select v from t`.execute(registry.db);
    expect(rows.rows.map((r) => r.v)).toEqual([4]);
  }, 30_000);
});
