import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GazetteerLoadSummary } from '../../../src/ingest/gazetteer/load-gazetteer.js';
import { nameRows } from '../../../src/ingest/gazetteer/gazetteer-rows.js';
import { otherNamesCount } from '../../../src/core/suggest/other-names.js';
import { readGeoNames } from '../../../src/ingest/gazetteer/geonames-parser.js';
import { openDatabase, type Database } from '../../../src/store/database.js';
import { gazetteerByKeys, gazetteerSize } from '../../../src/store/gazetteer.repository.js';
import { cli, cliJson } from '../../support/cli.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';
import { all, fixture } from '../fixtures.js';

for (const dialect of DIALECTS) {
  describe(`loading a gazetteer file [${dialect}]`, () => {
    let url: string;
    let drop: () => Promise<void>;
    let database: Database;

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      database = openDatabase(url);
    }, 60_000);
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('stores every place with the name keys its names give, spelling-blind keys included', async () => {
      const run = await cliJson<GazetteerLoadSummary>(
        url,
        'gazetteer',
        'load',
        fixture('gazetteer-rules.txt'),
      );
      expect(run.code).toBe(0);
      const places = await all(readGeoNames(fixture('gazetteer-rules.txt'), 'gazetteer-rules.txt'));
      const expected = places.flatMap((p) => nameRows(p));
      expect(run.value).toMatchObject({ places: places.length, names: expected.length });
      expect(await gazetteerSize(database.db)).toBe(places.length);
      const stored = await database.db
        .selectFrom('gazetteer_names')
        .select(['geoname_id', 'key', 'skeleton', 'country', 'is_main'])
        .execute();
      const sorted = <T extends { geoname_id: number; key: string }>(rows: T[]): T[] =>
        [...rows].sort((a, b) => a.geoname_id - b.geoname_id || a.key.localeCompare(b.key));
      expect(sorted(stored.map((r) => ({ ...r, is_main: Number(r.is_main) })))).toEqual(sorted(expected));
      // Each place keeps how many other names the file gives it: its distinct alternate names, not its keys.
      const counts = await database.db
        .selectFrom('gazetteer_places')
        .select(['geoname_id', 'other_names'])
        .execute();
      expect(counts.map((r) => [r.geoname_id, r.other_names]).sort((a, b) => a[0]! - b[0]!)).toEqual(
        places
          .map((p) => [p.geonameId, otherNamesCount(p.name, p.asciiName, p.alternateNames)])
          .sort((a, b) => a[0]! - b[0]!),
      );
      const count = (id: number) => counts.find((r) => r.geoname_id === id)?.other_names;
      expect(count(3104324)).toBe(2); // Zaragoza: Saragossa, Saragosse (its own name again is not another)
      expect(count(2844988)).toBe(0); // Rosenheim: none in the file
    }, 60_000);

    it('keeps the gazetteer it had when a file is malformed, and can load again after', async () => {
      const before = await gazetteerSize(database.db);
      const bad = await cli(url, 'gazetteer', 'load', fixture('malformed-gazetteer.txt'));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('malformed-gazetteer.txt:3:23');
      expect(await gazetteerSize(database.db)).toBe(before);
      expect((await gazetteerByKeys(database.db, ['rosenheim'])).size).toBeGreaterThan(0);
      const again = await cliJson<GazetteerLoadSummary>(
        url,
        'gazetteer',
        'load',
        fixture('gazetteer-rules.txt'),
      );
      expect(again.code).toBe(0);
      expect(await gazetteerSize(database.db)).toBe(before);
    }, 60_000);
  });
}
