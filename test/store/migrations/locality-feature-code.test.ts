import { Migrator, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '../../../src/store/database.js';
import { allMigrations } from '../../../src/store/migrations/index.js';
import { fillFeatureCodes } from '../../../src/store/writes/import.js';
import { createTestDatabase, DIALECTS } from '../../support/databases.js';

/** Hypothetical gazetteer places (ids and codes made up for the test, not GeoNames' facts). */
const PLACES = [
  { geoname_id: 900_001, feature_code: 'PPLA2' },
  { geoname_id: 900_002, feature_code: 'PPLC' },
  { geoname_id: 900_003, feature_code: 'PPL' },
];

async function addPlaces(database: Database, places: readonly (typeof PLACES)[number][]): Promise<void> {
  await database.db
    .insertInto('gazetteer_places')
    .values(
      places.map((p) => ({
        ...p,
        name: `place ${p.geoname_id}`,
        lat: 0,
        lon: 0,
        country: 'ZZ',
        admin1: '',
        admin2: '',
        population: 0,
        timezone: '',
      })),
    )
    .execute();
}

/** Inserts a locality by the columns every migration since 0001 has. */
async function addLocality(database: Database, key: string, geonamesId: number | null): Promise<void> {
  const now = new Date().toISOString();
  await database.db
    .insertInto('localities')
    .values({
      key,
      kind: 'town',
      country: null,
      parent_id: null,
      lat: null,
      lon: null,
      population: null,
      population_year: null,
      wikidata_id: null,
      geonames_id: geonamesId,
      unverified: 0,
      notes: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function codes(database: Database): Promise<Record<string, string | null>> {
  const rows = await database.db
    .selectFrom('localities')
    .select(['key', 'feature_code'])
    .orderBy('key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.feature_code]));
}

for (const dialect of DIALECTS) {
  describe(`migration 0010: a locality's feature code [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = openDatabase(created.url);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('backfills localities matched before it from the gazetteer places it holds, null for the rest', async () => {
      const provider: MigrationProvider = { getMigrations: async () => allMigrations(database.dialect) };
      await new Migrator({ db: database.db, provider }).migrateTo('0009-registry-change-count');
      await addPlaces(database, PLACES.slice(0, 2));
      await addLocality(database, 'seat', 900_001);
      await addLocality(database, 'capital', 900_002);
      await addLocality(database, 'not-in-gazetteer', 900_003);
      await addLocality(database, 'unmatched', null);
      await migrateToLatest(database);
      expect(await codes(database)).toEqual({
        capital: 'PPLC',
        'not-in-gazetteer': null,
        seat: 'PPLA2',
        unmatched: null,
      });
    });

    it('fills the codes a later gazetteer holds, and keeps those already known', async () => {
      await database.db.deleteFrom('gazetteer_places').execute();
      // The newer gazetteer says otherwise of 900_001: the code the locality has is kept.
      await addPlaces(database, [{ geoname_id: 900_001, feature_code: 'PPLA3' }, PLACES[2]!]);
      expect(await fillFeatureCodes(database.db)).toBe(1);
      expect(await codes(database)).toEqual({
        capital: 'PPLC',
        'not-in-gazetteer': 'PPL',
        seat: 'PPLA2',
        unmatched: null,
      });
      expect(await fillFeatureCodes(database.db)).toBe(0);
    });
  });
}
