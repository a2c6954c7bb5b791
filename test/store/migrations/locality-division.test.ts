import { Migrator, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '../../../src/store/database.js';
import { allMigrations } from '../../../src/store/migrations/index.js';
import { fillDivisions } from '../../../src/store/writes/import.js';
import { createTestDatabase, DIALECTS } from '../../support/databases.js';

/** Hypothetical gazetteer places (ids and codes made up for the test, not GeoNames' facts). */
type Place = { geoname_id: number; country: string; admin1: string };
const PLACES: Place[] = [
  { geoname_id: 900_101, country: 'FR', admin1: '27' },
  { geoname_id: 900_102, country: 'DE', admin1: '' }, // no admin1 code: no division
  { geoname_id: 900_103, country: 'IT', admin1: '09' },
];

async function addPlaces(database: Database, places: readonly Place[]): Promise<void> {
  await database.db
    .insertInto('gazetteer_places')
    .values(
      places.map((p) => ({
        ...p,
        name: `place ${p.geoname_id}`,
        lat: 0,
        lon: 0,
        feature_code: 'PPL',
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

async function divisions(database: Database): Promise<Record<string, string | null>> {
  const rows = await database.db
    .selectFrom('localities')
    .select(['key', 'division'])
    .orderBy('key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.division]));
}

for (const dialect of DIALECTS) {
  describe(`migration 0011: a locality's first-level division [${dialect}]`, () => {
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
      await new Migrator({ db: database.db, provider }).migrateTo('0010-locality-feature-code');
      await addPlaces(database, PLACES.slice(0, 2));
      await addLocality(database, 'in-division', 900_101);
      await addLocality(database, 'no-admin1', 900_102);
      await addLocality(database, 'not-in-gazetteer', 900_103);
      await addLocality(database, 'unmatched', null);
      await migrateToLatest(database);
      expect(await divisions(database)).toEqual({
        'in-division': 'FR.27',
        'no-admin1': null,
        'not-in-gazetteer': null,
        unmatched: null,
      });
    });

    it('fills the divisions a later gazetteer holds, and keeps those already known', async () => {
      await database.db.deleteFrom('gazetteer_places').execute();
      // The newer gazetteer says otherwise of 900_101: the division the locality has is kept.
      await addPlaces(database, [
        { geoname_id: 900_101, country: 'FR', admin1: '11' },
        PLACES[1]!,
        PLACES[2]!,
      ]);
      expect(await fillDivisions(database.db)).toBe(1);
      expect(await divisions(database)).toEqual({
        'in-division': 'FR.27',
        'no-admin1': null,
        'not-in-gazetteer': 'IT.09',
        unmatched: null,
      });
      expect(await fillDivisions(database.db)).toBe(0);
    });
  });
}
