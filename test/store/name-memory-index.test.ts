import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/text-fold.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import { searchNameIndex, type NameQuery } from '../../src/store/name-index.repository.js';
import { NameMemoryIndex } from '../../src/store/name-memory-index.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`the word index in memory answers as the database does [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let index: NameMemoryIndex;
    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      index = await NameMemoryIndex.load(database.db);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('holds every row of the word index', async () => {
      const { n } = await database.db
        .selectFrom('locality_name_words')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(index.size).toBe(Number(n));
      expect(index.size).toBeGreaterThan(100);
    });

    it('gives the same localities, in the same order, with the same names, for texts typed letter by letter', async () => {
      const names = await database.db.selectFrom('locality_names').select('name').orderBy('id').execute();
      const texts = new Set<string>(['', ' ', 'zzzzqx', 'saint', 'san ', 'new york city']);
      names.forEach(({ name }, i) => {
        const chars = [...name];
        // Every name's first letters, and every seventh name typed to its end (longer than the listed prefixes).
        for (const n of i % 7 === 0 ? chars.keys() : [0, 1, 2, 4]) texts.add(chars.slice(0, n + 1).join(''));
        texts.add(foldText(name).split(' ').at(-1)!.slice(0, 3)); // a later word's start
      });
      const queries: NameQuery[] = [...texts].flatMap((text) => [
        { text, limit: 10 },
        { text, limit: 1 },
      ]);
      for (const text of ['a', 'st', 'ber', 'kiel', 'e']) {
        queries.push({ text, limit: 20, country: 'DE' }, { text, limit: 5, kind: 'city' });
        queries.push({ text, limit: 50, country: 'FR', kind: 'town' }, { text, limit: 0 });
      }
      expect(queries.length).toBeGreaterThan(500);
      for (const query of queries) {
        expect(index.search(query), JSON.stringify(query)).toEqual(await searchNameIndex(database.db, query));
      }
    });
  });
}
