import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveNameIndex } from '../../src/api/live-name-index.js';
import { createLocality } from '../../src/registry/locality/create.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { watchChanges, type ChangeWatch } from '../../src/store/change-watch.js';
import { searchNameIndex } from '../../src/store/name-index.repository.js';
import { DIALECTS } from '../support/databases.js';
import { buildLocality, call, json, startTestApi, type TestApi } from './api-harness.js';

const writer = {
  actor: { tokenId: null, name: 'another process', role: 'admin' },
  today: { year: 2026, month: 11, day: 28 },
  authorize: () => undefined,
};

/**
 * Polls until `done` holds, for up to 10 s (a PostgreSQL notification arrives a moment after the commit; a copy
 * is read again on a new worker thread, whose start from source, tsx included, takes a second or two on a busy
 * machine).
 */
async function eventually(done: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

for (const dialect of DIALECTS) {
  describe(`the search's index in memory stays true to the database [${dialect}]`, () => {
    let api: TestApi;
    let other: Database;
    let watch: ChangeWatch;
    let live: LiveNameIndex | undefined;
    beforeAll(async () => {
      // The read cache off: every search below is answered by an index (or the database), never a cached body.
      api = await startTestApi(dialect, { readCacheEntries: 0 });
      other = openDatabase(api.url);
      watch = await watchChanges(api.database, api.url, () => live?.invalidate());
      live = new LiveNameIndex(api.database.db, api.url, watch);
      await live.load();
    });
    afterAll(async () => {
      await live?.close();
      await watch.close();
      await other.close();
      await api.close();
    });

    const keysFound = async (text: string) =>
      json<{ items: { key: string }[] }>(
        await call(api.app, 'GET', `/v1/localities?q=${text}&limit=5`),
      ).items.map((i) => i.key);
    const search = async (text: string) => (await live!.search({ text, limit: 5 })).map((m) => m.key);

    it('answers from memory once loaded, as the database does', async () => {
      expect(live!.ready).toBe(true);
      for (const text of ['k', 'ki', 'kiel', 'stal', 'wolgograd', 'xq']) {
        expect(await live!.search({ text, limit: 10 })).toEqual(
          await searchNameIndex(api.database.db, { text, limit: 10 }),
        );
      }
    });

    it('finds a locality created through the API at once', async () => {
      expect(await keysFound('quokkaburg')).toEqual([]);
      const body = buildLocality({
        key: 'quokkaburg',
        names: [{ name: 'Quokkaburg', lang: 'de', primary: true }],
      });
      const created = await call(api.app, 'POST', '/v1/localities', { token: api.tokens.admin, body });
      expect(created.statusCode).toBe(201);
      expect(await keysFound('quokkab')).toEqual(['quokkaburg']);
    });

    it('finds a locality another process created, and answers from memory again after', async () => {
      expect(await search('wombatville')).toEqual([]);
      await eventually(() => live!.ready);
      await createLocality(
        other.db,
        {
          key: 'wombatville',
          kind: 'town',
          country: 'AU',
          names: [{ name: 'Wombatville', lang: 'en', primary: true }],
          citations: [],
        },
        writer,
      );
      let found: string[] = [];
      await eventually(async () => (found = await search('wombat')).length > 0);
      expect(found).toEqual(['wombatville']);
      expect(await keysFound('wombatv')).toEqual(['wombatville']); // the app's own index, through the API
      await eventually(() => live!.ready);
      expect(live!.ready).toBe(true); // loaded again, with the new name
      expect(await search('wombat')).toEqual(['wombatville']);
    });

    it('forgets a name another process changed', async () => {
      await eventually(() => live!.ready);
      for (const [table, column] of [
        ['locality_names', 'name'],
        ['locality_names', 'folded'],
      ] as const) {
        await other.db
          .updateTable(table)
          .set({ [column]: column === 'name' ? 'Numbatville' : 'numbatville' })
          .where(column, '=', column === 'name' ? 'Wombatville' : 'wombatville')
          .execute();
      }
      await other.db
        .updateTable('locality_name_words')
        .set({ word: 'numbatville', head1: 'n', head2: 'nu' })
        .where('word', '=', 'wombatville')
        .execute();
      await eventually(async () => (await search('wombat')).length === 0);
      expect(await search('wombat')).toEqual([]);
      expect((await live!.search({ text: 'numbat', limit: 5 })).map((m) => m.matched)).toEqual([
        'Numbatville',
      ]);
    });
  });
}
