import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/store/dialect-name.js';

/** The PostgreSQL server the tests use (trust auth, database `test`). */
export const PG_ADMIN_URL = process.env.TWINNING_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgProblem = await probePostgres();
if (pgProblem !== undefined) {
  if (process.env.TWINNING_REQUIRE_PG === '1') {
    throw new Error(`TWINNING_REQUIRE_PG=1 but PostgreSQL at ${PG_ADMIN_URL} is unreachable: ${pgProblem}`);
  }
  console.warn(
    `\n*** PostgreSQL at ${PG_ADMIN_URL} is unreachable (${pgProblem}): PostgreSQL tests are SKIPPED ***\n`,
  );
}

/** The dialects to test on: SQLite always, PostgreSQL when reachable (required when TWINNING_REQUIRE_PG=1). */
export const DIALECTS: readonly DialectName[] = pgProblem === undefined ? ['sqlite', 'postgres'] : ['sqlite'];

/** Waits until no session is connected to a PostgreSQL database (a closed pool's sessions end shortly after). */
async function untilUnused(client: pg.Client, name: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 50) {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A new database of a dialect holding a copy of another one's data (which no connection may be writing), and a
 * function that removes it: the SQLite file copied, or a PostgreSQL database made from it as a template. Cheaper
 * than building the same state again (no migrations, no loads).
 */
export async function cloneTestDatabase(
  dialect: DialectName,
  from: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'twinning-test-'));
    const file = join(dir, 'test.sqlite');
    copyFileSync(from, file);
    if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${file}-wal`);
    return { url: file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const source = new URL(from).pathname.slice(1);
  const name = `twinning_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await untilUnused(admin, source);
    await admin.query(`create database ${name} template ${source}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropPostgres(name) };
}

/** Drops a test database on PostgreSQL, once the sessions still ending have gone. */
async function dropPostgres(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    // A session still ending (a closed pool's, a killed child's) would be terminated with 57P01 by a
    // forced drop; give them a moment to go, then force only what is truly left behind.
    await untilUnused(client, name);
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/** A new empty database of a dialect, and a function that removes it. */
export async function createTestDatabase(
  dialect: DialectName,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'twinning-test-'));
    return { url: join(dir, 'test.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `twinning_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropPostgres(name) };
}
