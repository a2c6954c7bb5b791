import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/ingest/gazetteer/load-gazetteer.js';
import { openSource } from '../../../src/ingest/sources/open-source.js';
import { newLocality } from '../../../src/ingest/import/new-locality.js';
import { runImport } from '../../../src/ingest/import/run-import.js';
import type { MatchResult } from '../../../src/ingest/reconcile/match-types.js';
import { preparePlace } from '../../../src/ingest/reconcile/prepare-query.js';
import { reconcilePlaces } from '../../../src/ingest/reconcile/reconcile-places.js';
import type { SourcePlace } from '../../../src/ingest/sources/records.js';
import { migrateToLatest, openDatabase, type Database } from '../../../src/store/database.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';
import { fixture } from '../fixtures.js';
import { matchOf } from '../import-support.js';

/** A source's place: a name and a country string, with coordinates when given. */
function buildPlace(name: string, country: string, point?: [number, number]): SourcePlace {
  return { name, country, ...(point ? { lat: point[0], lon: point[1] } : {}) };
}

for (const dialect of DIALECTS) {
  describe(`reconciliation rules on the rules gazetteer [${dialect}]`, () => {
    let drop: () => Promise<void>;
    let database: Database;

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = openDatabase(created.url);
      await migrateToLatest(database);
      await loadGazetteer(database, fixture('gazetteer-rules.txt'));
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    async function match(...places: SourcePlace[]): Promise<MatchResult[]> {
      return reconcilePlaces(database.db, places.map(preparePlace));
    }
    async function matchOne(place: SourcePlace): Promise<MatchResult> {
      return (await match(place))[0]!;
    }

    it('matches a district named after its seat to the seat, as `seat` with a lower confidence', async () => {
      const [district, landkreis, town] = await match(
        buildPlace('Rosenheim (district)', 'Germany'),
        buildPlace('Landkreis Rosenheim', 'Germany'),
        buildPlace('Rosenheim', 'Germany'),
      );
      expect(district).toMatchObject({ method: 'seat', candidate: { id: '2844988' } });
      expect(landkreis).toMatchObject({ method: 'seat', candidate: { id: '2844988' } });
      expect(town).toMatchObject({ method: 'exact-name', candidate: { id: '2844988' } });
      expect(district!.confidence).toBeLessThan(0.8);
      expect(district!.confidence).toBeLessThan(town!.confidence);
    });

    it('takes "Greater X" for the unit GeoNames lists, and a place of the whole name for itself ("Mercer Island")', async () => {
      // GeoNames' admin2 list has the City of Greater Bendigo: the unit itself, not its seat Bendigo (2176187).
      expect(await matchOne(buildPlace('Greater Bendigo', 'Australia'))).toMatchObject({
        method: 'subdivision',
        candidate: { id: 'AU.07.22620' },
      });
      expect(await matchOne(buildPlace('Mercer Island', 'United States'))).toMatchObject({
        method: 'exact-name',
        candidate: { id: '5803139' },
      });
    });

    it('matches a double-named district to the town it is named after within 25 km', async () => {
      expect(
        await matchOne(buildPlace('Amberg-Sulzbach (district)', 'Germany', [49.51, 11.75])),
      ).toMatchObject({ method: 'seat', candidate: { id: '2956656' } });
    });

    it('matches a merged municipality to its first-named town within 10 km, and not without coordinates', async () => {
      const [near, none, far] = await match(
        buildPlace('Blankenfelde-Mahlow', 'Germany', [52.35, 13.41]),
        buildPlace('Blankenfelde-Mahlow', 'Germany'),
        buildPlace('Blankenfelde-Mahlow', 'Germany', [52.7, 13.41]),
      );
      expect(near).toMatchObject({ method: 'seat', candidate: { id: '2947001' }, doubtful: false });
      expect(none!.method).toBe('unresolved');
      expect(far!.method).toBe('unresolved');
      // A merged municipality GeoNames lists as a unit is that unit (Ikast-Brande Kommune), not its town Ikast.
      expect(await matchOne(buildPlace('Ikast-Brande', 'Denmark', [56.13, 9.16]))).toMatchObject({
        method: 'subdivision',
        candidate: { id: 'DK.18.756' },
      });
    });

    it('takes a borough of an English county and a former ISO 3166-2 code as subdivisions', async () => {
      const [kirklees, prague, hordaland] = await match(
        buildPlace('Borough of Kirklees', 'England'),
        buildPlace('Prague 10 (Prague)', 'Czech Republic'),
        buildPlace('Hordaland', 'Norway'),
      );
      expect(kirklees).toMatchObject({ method: 'subdivision', candidate: { id: 'GB-KIR' } });
      expect(prague).toMatchObject({ method: 'subdivision', candidate: { id: 'CZ-110' } });
      expect(hordaland).toMatchObject({ method: 'subdivision', candidate: { id: 'NO-12' } });
    });

    it('names a unit a Wikidata 2016 label gives in German by its English name, the label kept beside it', async () => {
      // Bare labels as Wikidata 2016 gives them: no country, no point. The German names are iso3166-2-db's
      // (Kalifornien, Präfektur Tokio, Oblast Moskau); Saragossa is one of GeoNames' names of Zaragoza, and
      // ISO 3166-2 lists the province of Zaragoza (ES-Z) under its seat's name.
      const labels: SourcePlace[] = [
        'Kalifornien',
        'Präfektur Tokio',
        'Oblast Moskau',
        'Provinz Saragossa',
        'Kenia',
      ].map((name) => ({ name, lang: 'und' }));
      const results = await match(...labels);
      expect(results.map((m) => [m.method, m.candidate?.id, m.candidate?.name])).toEqual([
        ['subdivision', 'US-CA', 'California'],
        ['subdivision', 'JP-13', 'Tokyo'],
        ['subdivision', 'RU-MOS', 'Moscow Province'],
        ['subdivision', 'ES-Z', 'Zaragoza'],
        ['country', 'KE', 'Kenya'],
      ]);
      const names = labels.map((place, i) => newLocality(preparePlace(place), results[i]!).names);
      expect(names[0]).toEqual([
        { name: 'California', lang: 'und', primary: true },
        { name: 'Kalifornien', lang: 'und', primary: false },
      ]);
      expect(names.map((n) => n[0]!.name)).toEqual([
        'California',
        'Tokyo',
        'Moscow Province',
        'Zaragoza',
        'Kenya',
      ]);
      // The town the province is named after stays the town.
      expect(await matchOne({ name: 'Saragossa', lang: 'und' })).toMatchObject({
        candidate: { id: '3104324' },
      });
    });

    it('reads a numbered qualifier as the district itself, and a ward of Tokyo as the GeoNames unit', async () => {
      expect(await matchOne(buildPlace('Budapest XII – Hegyvidék', 'Hungary'))).toMatchObject({
        method: 'qualified',
        candidate: { id: '7284823' },
      });
      expect(await matchOne(buildPlace('Setagaya (Tokyo)', 'Japan'))).toMatchObject({
        method: 'subdivision',
        candidate: { id: 'JP.40.1852675', name: 'Setagaya-ku' },
      });
    });

    it('matches names shortened by their connector words and names given in two languages', async () => {
      expect(await matchOne(buildPlace('Kirchheim/Teck', 'Germany'))).toMatchObject({
        method: 'alternate-name',
        candidate: { id: '2890473' },
      });
      expect(await matchOne(buildPlace('Mogente/Moixent', 'Spain'))).toMatchObject({
        method: 'alternate-name',
        candidate: { id: '2513001' },
      });
    });

    it('keeps a neighbourhood GeoNames lists nowhere as lying in the city its qualifier names', async () => {
      expect(await matchOne(buildPlace('Shimokitazawa (Tokyo)', 'Japan'))).toMatchObject({
        method: 'parent',
        candidate: { id: '1850147' },
      });
    });

    it('uses coordinates as evidence: a district near its seat, not a commune beside a town it names', async () => {
      // The unit, spelt otherwise by GeoNames (Balashovskiy Rayon), rather than its seat Balashov (579460).
      const balashov = await matchOne(buildPlace('Balashovsky District', 'Russia', [51.55, 43.17]));
      expect(balashov).toMatchObject({ method: 'subdivision', candidate: { id: 'RU.67.579454' } });
      expect((await matchOne(buildPlace('Mont-sur-Rolle', 'Switzerland', [46.467, 6.337]))).method).toBe(
        'unresolved',
      );
    });

    it("does not take a namesake abroad for a unit whose country has a place of its seat's name", async () => {
      const result = await matchOne(buildPlace('Limerick Township', 'United States', [52.665, -8.623]));
      expect(result.candidate?.country).not.toBe('IE');
    });

    it('takes another name of a place only near the coordinates the source gives, or with none given', async () => {
      const [far, none] = await match(
        buildPlace('Tamatave', 'Madagascar', [-12.27, 49.28]),
        buildPlace('Tamatave', 'Madagascar'),
      );
      expect(far!.method).toBe('unresolved');
      expect(none).toMatchObject({ method: 'alternate-name', candidate: { id: '1053384' } });
    });

    it('looks up the places the names did not settle in batches, not one query per place', async () => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const places = Array.from({ length: 600 }, (_, i) =>
        preparePlace(buildPlace(`Nowhereville ${i}`, 'Germany', [48 + i / 100, 11])),
      );
      const results = await reconcilePlaces(database.db.withPlugin(counter), places);
      expect(results.every((r) => r.method === 'unresolved')).toBe(true);
      // A few queries per batch of a hundred places (about 1,800 when each place asked its own three).
      expect(queries).toBeLessThan(places.length / 20);
    });

    it('imports a district and its seat as two localities, the district shared by the names that mean it', async () => {
      const run = await runImport(
        database,
        'wikipedia-list',
        openSource({ format: 'wikipedia-list', path: fixture('wikipedia-list-seats.csv') }),
        { key: 'seats', title: 'seats' },
      );
      // Ikast-Brande is the GeoNames unit; the Rosenheim district (twice) and Blankenfelde-Mahlow are seats.
      expect(run.byMethod.seat).toBe(3);
      expect(run.byMethod.subdivision).toBe(1);
      const [district] = await matchOf(database.db, 'Rosenheim (district)');
      const [landkreis] = await matchOf(database.db, 'Landkreis Rosenheim');
      const [town] = await matchOf(database.db, 'Rosenheim');
      expect(district).toMatchObject({ method: 'seat', geonames_id: null });
      expect(landkreis!.locality_id).toBe(district!.locality_id);
      expect(town).toMatchObject({ method: 'exact-name', geonames_id: 2844988 });
      expect(town!.locality_id).not.toBe(district!.locality_id);
      const row = await database.db
        .selectFrom('localities')
        .select(['kind', 'notes', 'unverified'])
        .where('id', '=', district!.locality_id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ kind: 'district', unverified: 1 });
      expect(row.notes).toContain('named after its seat Rosenheim');
    });
  });
}
