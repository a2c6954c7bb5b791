import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/store/database.js';
import type { ReviewItem } from '../../../src/store/reconcile-report.repository.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';
import { cli, cliJson } from '../../support/cli.js';
import { fixture } from '../../ingest/fixtures.js';
import { allCounts, matchOf } from '../../ingest/import-support.js';

for (const dialect of DIALECTS) {
  describe(`fixing matches by hand, reporting and exporting [${dialect}]`, () => {
    let url: string;
    let drop: () => Promise<void>;
    let database: Database;

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      expect((await cli(url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
      expect(
        (await cli(url, 'import', 'wikipedia-list', fixture('wikipedia-list.csv'), '--source', 'wp')).code,
      ).toBe(0);
      database = openDatabase(url);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('lists unresolved and doubtful matches, worst first', async () => {
      const report = await cliJson<{ total: number; items: ReviewItem[] }>(url, 'report', 'reconcile');
      expect(report.code).toBe(0);
      expect(report.value.items[0]).toMatchObject({ name: 'Smallville', method: 'unresolved' });
      expect(report.value.items.every((i) => i.method === 'unresolved' || i.confidence < 1)).toBe(true);
      expect(report.value.items.map((i) => i.name)).not.toContain('Rome');
    });

    it('resolves a locality by hand, keeps the fix across a re-import, and merges it with the place it turns out to be', async () => {
      const [smallville] = await matchOf(database.db, 'Smallville');
      const kyiv = (await matchOf(database.db, 'Kiev'))[0]!.locality_id;
      const before = await allCounts(database.db);
      const run = await cliJson<{ mergedInto?: number; mergeId?: number }>(
        url,
        'locality',
        'resolve',
        String(smallville!.locality_id),
        '703448',
        '--by',
        'tester',
      );
      expect(run.code).toBe(0);
      expect(run.value.mergedInto).toBe(kyiv);
      const fixed = await database.db
        .selectFrom('source_places')
        .select(['method', 'decided_by', 'locality_id'])
        .where('name', '=', 'Smallville')
        .executeTakeFirstOrThrow();
      expect(fixed).toEqual({ method: 'manual', decided_by: 'tester', locality_id: kyiv });
      expect(
        (await cli(url, 'import', 'wikipedia-list', fixture('wikipedia-list.csv'), '--source', 'wp')).code,
      ).toBe(0);
      expect((await matchOf(database.db, 'Smallville'))[0]).toMatchObject({
        method: 'manual',
        locality_id: kyiv,
      });
      const undo = await cli(url, 'locality', 'unmerge', String(run.value.mergeId));
      expect(undo.code).toBe(0);
      const restored = await allCounts(database.db);
      expect({ ...restored, locality_merges: 0 }).toEqual({ ...before, locality_merges: 0 });
    });

    it('merges two localities by hand and undoes it exactly', async () => {
      const toledoSpain = (
        await database.db
          .selectFrom('localities')
          .select('id')
          .where('geonames_id', '=', 2510409)
          .executeTakeFirstOrThrow()
      ).id;
      const toledoOhio = (
        await database.db
          .selectFrom('localities')
          .select('id')
          .where('geonames_id', '=', 5174035)
          .executeTakeFirstOrThrow()
      ).id;
      // Versions and update times move on (each write bumps them); everything else comes back as it was.
      const snapshot = async (): Promise<unknown> => [
        (await database.db.selectFrom('links').selectAll().orderBy('id').execute()).map(
          ({ version: _v, updated_at: _u, ...rest }) => rest,
        ),
        await database.db.selectFrom('link_sources').selectAll().orderBy('id').execute(),
        await database.db
          .selectFrom('localities')
          .select(['id', 'key', 'geonames_id'])
          .orderBy('id')
          .execute(),
        await database.db.selectFrom('locality_names').selectAll().orderBy('id').execute(),
      ];
      const before = await snapshot();
      const merged = await cliJson<{ mergeId: number }>(
        url,
        'locality',
        'merge',
        String(toledoSpain),
        String(toledoOhio),
      );
      expect(merged.code).toBe(0);
      expect(
        await database.db.selectFrom('localities').select('id').where('id', '=', toledoOhio).execute(),
      ).toEqual([]);
      const selfLinks = await database.db
        .selectFrom('links')
        .select('id')
        .where('a_id', '=', toledoSpain)
        .where('b_id', '=', toledoSpain)
        .execute();
      expect(selfLinks).toEqual([]);
      expect((await cli(url, 'locality', 'unmerge', String(merged.value.mergeId))).code).toBe(0);
      expect(await snapshot()).toEqual(before);
    });

    it('exports localities and links as CSV and as JSON lines', async () => {
      const csv = await cli(url, 'export', 'localities');
      expect(csv.code).toBe(0);
      const [header, ...rows] = csv.out.split('\n');
      expect(header).toBe(
        'id,key,name,names,kind,country,lat,lon,geonames_id,wikidata_id,match_method,confidence,doubtful',
      );
      expect(rows.some((r) => r.includes(',703448,') && /,(exact|alternate)-name,/.test(r))).toBe(true);
      const links = await cli(url, '--json', 'export', 'links');
      const parsed = links.out
        .split('\n')
        .map((l) => JSON.parse(l) as { a_name: string; b_name: string; sources: string[]; status: string });
      const toledo = parsed.find((l) => l.a_name === 'Toledo' && l.b_name === 'Toledo');
      expect(toledo?.sources).toEqual(expect.arrayContaining(['seed', 'wp'])); // the bundled dataset states it too
      expect(parsed.every((l) => typeof l.status === 'string')).toBe(true);
    });

    it('moves a feature code, a division and a count of other names with the GeoNames id a merge gives the kept locality, and takes them back on undo', async () => {
      const [smallville] = await matchOf(database.db, 'Smallville');
      const row = (id: number) =>
        database.db
          .selectFrom('localities')
          .select(['geonames_id', 'feature_code', 'division', 'other_names'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      const toledoOhio = await database.db
        .selectFrom('localities')
        .select(['id', 'feature_code', 'division', 'other_names'])
        .where('geonames_id', '=', 5174035)
        .executeTakeFirstOrThrow();
      expect(toledoOhio.feature_code).toBe('PPLA2');
      expect(toledoOhio.division).toBe('US.OH');
      expect(toledoOhio.other_names).toBe(0); // the fixture gazetteer gives Toledo, Ohio no other name
      const kept = smallville!.locality_id;
      const merged = await cliJson<{ mergeId: number }>(
        url,
        'locality',
        'merge',
        String(kept),
        String(toledoOhio.id),
      );
      expect(merged.code).toBe(0);
      expect(await row(kept)).toEqual({
        geonames_id: 5174035,
        feature_code: 'PPLA2',
        division: 'US.OH',
        other_names: 0,
      });
      expect((await cli(url, 'locality', 'unmerge', String(merged.value.mergeId))).code).toBe(0);
      expect(await row(kept)).toEqual({
        geonames_id: null,
        feature_code: null,
        division: null,
        other_names: null,
      });
      expect(await row(toledoOhio.id)).toEqual({
        geonames_id: 5174035,
        feature_code: 'PPLA2',
        division: 'US.OH',
        other_names: 0,
      });
    });

    it('gives a locality resolved by hand its gazetteer place’s feature code and division', async () => {
      const [smallville] = await matchOf(database.db, 'Smallville');
      // A gazetteer place no locality is yet, so the fix resolves rather than merges.
      const place = await database.db
        .selectFrom('gazetteer_places')
        .select(['geoname_id', 'feature_code', 'country', 'admin1'])
        .where('feature_code', '!=', 'PPL')
        .where('admin1', '!=', '')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('localities')
                .select('id')
                .whereRef('localities.geonames_id', '=', 'gazetteer_places.geoname_id'),
            ),
          ),
        )
        .orderBy('geoname_id')
        .executeTakeFirstOrThrow();
      const run = await cli(
        url,
        'locality',
        'resolve',
        String(smallville!.locality_id),
        String(place.geoname_id),
      );
      expect(run.code).toBe(0);
      const row = await database.db
        .selectFrom('localities')
        .select(['geonames_id', 'feature_code', 'division'])
        .where('id', '=', smallville!.locality_id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        geonames_id: place.geoname_id,
        feature_code: place.feature_code,
        division: `${place.country}.${place.admin1}`,
      });
    });
  });
}
