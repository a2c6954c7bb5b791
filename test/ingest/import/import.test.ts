import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/store/database.js';
import type { ImportSummary } from '../../../src/ingest/import/run-import.js';
import { DIALECTS } from '../../support/databases.js';
import { cli, cliJson } from '../../support/cli.js';
import { fixture } from '../fixtures.js';
import { allCounts, matchOf, openWithGazetteer } from '../import-support.js';

for (const dialect of DIALECTS) {
  describe(`import and reconcile [${dialect}]`, () => {
    let url: string;
    let database: Database;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ url, database, close } = await openWithGazetteer(dialect));
    });
    afterAll(() => close());

    it('imports a Wikipedia list, matching Kiev, Saint Petersburg and Toledo to the gazetteer by country', async () => {
      const run = await cliJson<ImportSummary>(
        url,
        'import',
        'wikipedia-list',
        fixture('wikipedia-list.csv'),
        '--source',
        'wp',
      );
      expect(run.code).toBe(0);
      expect(run.value).toMatchObject({ rowsRead: 7, statements: 7, placesSeen: 13 });
      // Rome–Paris and Kyiv–Kyoto are in the bundled dataset already: the import confirms them.
      expect(run.value.linksCreated + run.value.linksConfirmed).toBe(7);
      expect(run.value.linksConfirmed).toBeGreaterThanOrEqual(1);
      expect((await matchOf(database.db, 'Kiev'))[0]).toMatchObject({
        geonames_id: 703448,
        method: 'alternate-name',
      });
      expect((await matchOf(database.db, 'Saint Petersburg'))[0]).toMatchObject({
        geonames_id: 498817,
        method: 'exact-name',
      });
      const toledos = await database.db
        .selectFrom('localities')
        .select('geonames_id')
        .where('geonames_id', 'in', [2510409, 5174035])
        .execute();
      expect(toledos).toHaveLength(2);
      expect((await matchOf(database.db, 'Москва'))[0]).toMatchObject({ geonames_id: 524901 });
      expect((await matchOf(database.db, 'Rome, Italy'))[0]).toMatchObject({ geonames_id: 3169070 });
    });

    /** A fact of the locality matched to a GeoNames place, and every matched locality's fact against its place's. */
    const factsOf = async (column: 'feature_code' | 'division' | 'other_names', geonamesId: number) => {
      const own = await database.db
        .selectFrom('localities')
        .select(column)
        .where('geonames_id', '=', geonamesId)
        .executeTakeFirstOrThrow();
      const rows = await database.db
        .selectFrom('localities')
        .innerJoin('gazetteer_places as g', 'g.geoname_id', 'localities.geonames_id')
        .select([`localities.${column} as kept`, 'g.feature_code', 'g.country', 'g.admin1', 'g.other_names'])
        .execute();
      return { own: own[column], rows };
    };

    it('keeps the feature code, division and other names of each matched gazetteer place on its locality, bundled ones adopted included', async () => {
      // Bundled Rome, which took the match, and Toledo, Spain, created by the import; their other names in the
      // fixture gazetteer: Roma, Rom, Рим, 罗马市; Toletum, Tolède.
      const expected = {
        feature_code: ['PPLC', 'PPLA2'],
        division: ['IT.07', 'ES.54'],
        other_names: [4, 2],
      } as const;
      for (const column of ['feature_code', 'division', 'other_names'] as const) {
        expect((await factsOf(column, 3169070)).own).toBe(expected[column][0]);
        const { own, rows } = await factsOf(column, 2510409);
        expect(own).toBe(expected[column][1]);
        expect(rows.length).toBeGreaterThan(5);
        const place = (r: (typeof rows)[number]) =>
          column === 'division' ? (r.admin1 ? `${r.country}.${r.admin1}` : null) : r[column];
        expect(rows.filter((r) => r.kept !== place(r))).toEqual([]);
      }
    });

    it('finds a matched place by any of its gazetteer names, in search and by name', async () => {
      const search = async (text: string) =>
        (await cliJson<{ key: string; matched: string }[]>(url, 'search', text)).value;
      for (const name of ['Рим', '罗马市', 'Rom']) {
        expect((await search(name)).map((r) => r.key)).toContain('rome');
      }
      const rome = await cliJson<{ locality: { key: string } }>(url, 'locality', 'Рим');
      expect(rome.value.locality.key).toBe('rome');
    });

    it('matches a ward to the GeoNames unit of its city, and keeps a place nothing holds as unresolved', async () => {
      const [guro] = await matchOf(database.db, 'Guro (Seoul)');
      // Seoul's Guro-gu (admin1 11), not one of the other units of a like name.
      expect(guro).toMatchObject({
        method: 'subdivision',
        matched_ref: 'subdivision:KR.11.11170',
        geonames_id: null,
        kind: 'municipality',
      });
      expect((await matchOf(database.db, 'Smallville'))[0]).toMatchObject({ method: 'unresolved' });
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await allCounts(database.db);
      const again = await cliJson<ImportSummary>(
        url,
        'import',
        'wikipedia-list',
        fixture('wikipedia-list.csv'),
        '--source',
        'wp',
      );
      expect(again.value).toMatchObject({ linksCreated: 0, placesNew: 0, localitiesCreated: 0 });
      expect(await allCounts(database.db)).toEqual(before);
    });

    it('merges a second source into the same links, Kyiv and Kiev and St. Petersburg included', async () => {
      const before = await allCounts(database.db);
      const run = await cliJson<ImportSummary>(
        url,
        'import',
        'wikipedia-list',
        fixture('wikipedia-list-raw.csv'),
        '--source',
        'wp-raw',
      );
      expect(run.value).toMatchObject({ linksCreated: 0, linksConfirmed: 4 });
      expect((await matchOf(database.db, 'Kyiv'))[0]!.locality_id).toBe(
        (await matchOf(database.db, 'Kiev'))[0]!.locality_id,
      );
      expect((await matchOf(database.db, 'St. Petersburg'))[0]!.locality_id).toBe(
        (await matchOf(database.db, 'Saint Petersburg'))[0]!.locality_id,
      );
      const after = await allCounts(database.db);
      expect(after.links).toBe(before.links);
      expect(after.link_sources).toBe(before.link_sources! + 4);
    });

    it('checks reciprocity of directed statements and unifies Wikidata ids across sources', async () => {
      const relations = await cliJson<ImportSummary>(
        url,
        'import',
        'wikidata-relations',
        fixture('relations.tsv'),
        '--labels',
        fixture('names.tsv'),
      );
      expect(relations.value).toMatchObject({ statements: 5, pairs: 3, oneSided: 1, statementsMerged: 2 });
      expect((await matchOf(database.db, 'Kiew'))[0]).toMatchObject({ geonames_id: 703448 });
      const nodes = await cliJson<ImportSummary>(
        url,
        'import',
        'wikidata-nodes',
        fixture('links.tsv'),
        '--nodes',
        fixture('nodes.tsv'),
      );
      expect(nodes.value.byMethod['wikidata-id']).toBeGreaterThanOrEqual(2);
      const kyiv = await database.db
        .selectFrom('localities')
        .select(['wikidata_id'])
        .where('geonames_id', '=', 703448)
        .execute();
      expect(kyiv).toEqual([{ wikidata_id: 'Q1899' }]);
    });

    it('turns P580 and P582 qualifiers into lifecycle events, a year such as 836 included', async () => {
      const run = await cliJson<ImportSummary>(url, 'import', 'wikidata-sparql', fixture('sparql-p190.json'));
      expect(run.value).toMatchObject({ oneSided: 1 });
      const dated = await database.db
        .selectFrom('link_events')
        .select(['type', 'date'])
        .where('notes', 'like', 'stated by %')
        .where('date', 'is not', null)
        .orderBy('date')
        .execute();
      expect(dated).toEqual([
        { type: 'formalised', date: '0836' },
        { type: 'formalised', date: '1997-05' },
        { type: 'terminated', date: '2022-03-25' },
      ]);
      // Every link this source states now has a formation: dated from P580, or undated and citing the source.
      const unformed = await database.db
        .selectFrom('link_sources')
        .innerJoin('sources', 'sources.id', 'link_sources.source_id')
        .select('link_sources.link_id')
        .where('sources.key', '=', run.value.source)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('link_events')
                .select('link_events.id')
                .whereRef('link_events.link_id', '=', 'link_sources.link_id')
                .where('link_events.type', 'in', ['agreement_signed', 'formalised', 'adopted']),
            ),
          ),
        )
        .execute();
      expect(unformed).toEqual([]);
      const undated = database.db
        .selectFrom('link_events')
        .leftJoin('citations', (j) =>
          j.onRef('citations.entity_id', '=', 'link_events.id').on('citations.entity_type', '=', 'event'),
        )
        .leftJoin('sources', 'sources.id', 'citations.source_id')
        .select(['link_events.id', 'sources.key'])
        .where('link_events.date', 'is', null)
        .where('link_events.notes', 'like', 'stated by %');
      const rows = await undated.execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.key === null)).toEqual([]);
      expect(run.value.eventsAdded).toBe(3 + rows.filter((r) => r.key === run.value.source).length);
    });

    it('rejects a malformed file with its position and writes nothing', async () => {
      const before = await allCounts(database.db);
      const run = await cli(url, 'import', 'wikipedia-list', fixture('malformed-fields.csv'));
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/malformed-fields\.csv:3:25: expected 4 fields, found 5/);
      expect(await allCounts(database.db)).toEqual(before);
    });
  });
}
