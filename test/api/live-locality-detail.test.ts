import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localityDetail } from '../../src/registry/locality/detail.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { DIALECTS } from '../support/databases.js';
import { call, json, startTestApi, TEST_NOW, type TestApi } from './api-harness.js';

/** Polls until `done` holds (a PostgreSQL notification arrives a moment after the commit). */
async function eventually(done: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 100 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

const TODAY = {
  year: TEST_NOW.getUTCFullYear(),
  month: TEST_NOW.getUTCMonth() + 1,
  day: TEST_NOW.getUTCDate(),
};

for (const dialect of DIALECTS) {
  describe(`a locality's detail from memory stays true to the database [${dialect}]`, () => {
    let api: TestApi;
    let other: Database;
    let keys: string[];
    beforeAll(async () => {
      // The read cache off: every read below is answered by the copy in memory (or the database).
      api = await startTestApi(dialect, { readCacheEntries: 0 });
      await api.app.memoryCopiesLoaded;
      other = openDatabase(api.url);
      const links = await api.database.db
        .selectFrom('links')
        .select('a_id')
        .orderBy('id')
        .limit(20)
        .execute();
      const rows = await api.database.db
        .selectFrom('localities')
        .select('key')
        .where('id', 'in', [...new Set(links.map((l) => l.a_id))])
        .execute();
      keys = rows.map((r) => r.key);
    });
    afterAll(async () => {
      await other.close();
      await api.close();
    });

    const detail = async (key: string, asOf?: string) => {
      const reply = await call(api.app, 'GET', `/v1/localities/${key}${asOf ? `?asOf=${asOf}` : ''}`);
      return {
        status: reply.statusCode,
        etag: reply.headers.etag,
        body: json<Record<string, unknown>>(reply),
      };
    };

    it('answers as the database does, today and at a date, with the ETag of the version', async () => {
      expect(keys.length).toBeGreaterThan(5);
      for (const key of keys) {
        for (const asOf of [undefined, '1960']) {
          const read = await detail(key, asOf);
          const expected = await localityDetail(
            api.database.db,
            key,
            asOf ? { year: Number(asOf) } : undefined,
            TODAY,
          );
          expect(read.status).toBe(200);
          expect(read.body).toEqual(JSON.parse(JSON.stringify(expected)));
          expect(read.etag).toBe(`W/"${expected.locality.version}"`);
        }
      }
      expect((await detail('no-such-place')).status).toBe(404);
    });

    it("shows another process's change to a partner's name, and a change made through the API at once", async () => {
      const key = keys[0]!;
      const before = (await detail(key)).body as { partners: { partner: { id: number; name: string } }[] };
      const partner = before.partners[0]!.partner;
      await other.db
        .updateTable('locality_names')
        .set({ name: 'Quokkaton' })
        .where('locality_id', '=', partner.id)
        .where('name', '=', partner.name)
        .execute();
      const names = async () =>
        ((await detail(key)).body as typeof before).partners.map((p) => p.partner.name);
      await eventually(async () => (await names()).includes('Quokkaton'));
      expect(await names()).toContain('Quokkaton');

      const read = await detail(key);
      const updated = await call(api.app, 'PATCH', `/v1/localities/${key}`, {
        token: api.tokens.admin,
        headers: { 'if-match': read.etag! },
        body: { notes: 'Read from memory, and dropped on a write.' },
      });
      expect(updated.statusCode).toBe(200);
      const after = await detail(key);
      expect((after.body.locality as { notes: string }).notes).toBe(
        'Read from memory, and dropped on a write.',
      );
      expect(after.etag).toBe(updated.headers.etag);
    });
  });
}
