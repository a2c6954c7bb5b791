import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { createTestDatabase, DIALECTS, PG_ADMIN_URL } from '../support/databases.js';

/** The server-side sessions open on a database, by name. */
async function sessionsOn(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

for (const dialect of DIALECTS) {
  describe(`closing a database [${dialect}]`, () => {
    it('may be closed twice, and the second close waits for the first', async () => {
      const created = await createTestDatabase(dialect);
      const database = openDatabase(created.url);
      await sql`select 1`.execute(database.db);
      await Promise.all([database.close(), database.close()]);
      await database.close();
      await created.drop();
    });
  });
}

if (DIALECTS.includes('postgres')) {
  describe('PostgreSQL pool', () => {
    it('leaves no session behind once close() resolves', async () => {
      const created = await createTestDatabase('postgres');
      const database = openDatabase(created.url);
      // Several connections at once, so the pool holds more than one idle client when it is closed.
      await Promise.all([1, 2, 3, 4].map(() => sql`select pg_sleep(0.05)`.execute(database.db)));
      expect(await sessionsOn(created.url)).toBeGreaterThan(0);
      await database.close();
      expect(await sessionsOn(created.url)).toBe(0);
      await created.drop();
    });

    it('survives the server ending an idle connection (57P01) and reconnects', async () => {
      const created = await createTestDatabase('postgres');
      const database = openDatabase(created.url);
      try {
        await sql`select 1`.execute(database.db);
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        const name = new URL(created.url).pathname.slice(1);
        const { rowCount } = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
          [name],
        );
        await admin.end();
        expect(rowCount).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await database.close();
        await created.drop();
      }
    });
  });
}
