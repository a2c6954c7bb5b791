import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameAt } from '../../src/core/locality-names.js';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import { localitiesById, localityLabelsById } from '../../src/store/locality.repository.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

const DATES = [undefined, '1900', '1950', '1961', '1961-06', '1990', '2026-11-30'].map((d) =>
  d === undefined ? undefined : parsePartialDate(d),
);

for (const dialect of DIALECTS) {
  describe(`a link's ends are named from the labelling names as from every name [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let volgograd: number;
    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      const db = database.db;
      // What the bundled dataset lacks: a place whose primary name is dated and whose other names valid at an
      // earlier date are undated and in other languages. Volgograd (primary from 1961) without its
      // Stalingrad names, with its German and Hungarian names (de.wikipedia "Wolgograd", hu.wikipedia
      // "Volgográd"): asked in English for 1900, every name falls back to its first undated one.
      const place = await db
        .selectFrom('localities')
        .select('id')
        .where('key', '=', 'volgograd')
        .executeTakeFirstOrThrow();
      volgograd = place.id;
      await db
        .deleteFrom('locality_names')
        .where('locality_id', '=', volgograd)
        .where('name', 'in', ['Stalingrad', 'Сталинград'])
        .execute();
      await db
        .insertInto('locality_names')
        .values(
          [
            { name: 'Wolgograd', lang: 'de' },
            { name: 'Volgográd', lang: 'hu' },
          ].map((n) => ({ locality_id: volgograd, folded: n.name.toLowerCase(), is_primary: 0, ...n })),
        )
        .execute();
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('gives every locality the name nameAt gives over all its names, at every date and in several languages', async () => {
      const ids = (await database.db.selectFrom('localities').select('id').execute()).map((r) => r.id);
      const full = await localitiesById(database.db, ids);
      for (const lang of ['en', 'de', 'ru']) {
        const labels = await localityLabelsById(database.db, ids, lang);
        expect(labels.size).toBe(full.size);
        for (const [id, record] of full) {
          const label = labels.get(id)!;
          expect(label.key).toBe(record.key);
          expect(label.coordinates).toEqual(record.coordinates);
          for (const date of DATES)
            expect([record.key, lang, date, nameAt(label.labelNames, date, lang)]).toEqual([
              record.key,
              lang,
              date,
              nameAt(record.names, date, lang),
            ]);
        }
      }
    });

    it('falls back to the first undated name when the primary is not yet valid and none is in the language', async () => {
      const labels = await localityLabelsById(database.db, [volgograd], 'en');
      expect(nameAt(labels.get(volgograd)!.labelNames, parsePartialDate('1900'), 'en')).toBe('Wolgograd');
      expect(nameAt(labels.get(volgograd)!.labelNames, parsePartialDate('1990'), 'en')).toBe('Volgograd');
    });

    it('leaves out the names that can never be chosen', async () => {
      const labels = await localityLabelsById(database.db, [volgograd], 'en');
      expect(labels.get(volgograd)!.labelNames.map((n) => n.name)).not.toContain('Volgográd');
    });
  });
}
