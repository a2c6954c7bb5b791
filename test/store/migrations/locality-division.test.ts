import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/store/database.js';
import { fillFromGazetteer } from '../../../src/store/writes/import.js';
import { DIALECTS } from '../../support/databases.js';
import {
  addBareLocality,
  addGazetteerPlaces,
  blockDatabase,
  localityColumn,
  migrateUpTo,
} from '../../support/migration-rows.js';

/** Hypothetical gazetteer places (ids and codes made up for the test, not GeoNames' facts). */
type Place = { geoname_id: number; country: string; admin1: string };
const PLACES: Place[] = [
  { geoname_id: 900_101, country: 'FR', admin1: '27' },
  { geoname_id: 900_102, country: 'DE', admin1: '' }, // no admin1 code: no division
  { geoname_id: 900_103, country: 'IT', admin1: '09' },
];

for (const dialect of DIALECTS) {
  describe(`migration 0011: a locality's first-level division [${dialect}]`, () => {
    const databaseOf = blockDatabase(dialect);

    it('backfills localities matched before it from the gazetteer places it holds, null for the rest', async () => {
      const database = databaseOf();
      await migrateUpTo(database, '0010-locality-feature-code');
      await addGazetteerPlaces(database, PLACES.slice(0, 2));
      await addBareLocality(database, 'in-division', 900_101);
      await addBareLocality(database, 'no-admin1', 900_102);
      await addBareLocality(database, 'not-in-gazetteer', 900_103);
      await addBareLocality(database, 'unmatched', null);
      await migrateToLatest(database);
      expect(await localityColumn(database, 'division')).toEqual({
        'in-division': 'FR.27',
        'no-admin1': null,
        'not-in-gazetteer': null,
        unmatched: null,
      });
    });

    it('fills the divisions a later gazetteer holds, and keeps those already known', async () => {
      const database = databaseOf();
      await database.db.deleteFrom('gazetteer_places').execute();
      // The newer gazetteer says otherwise of 900_101: the division the locality has is kept.
      await addGazetteerPlaces(database, [
        { geoname_id: 900_101, country: 'FR', admin1: '11' },
        PLACES[1]!,
        PLACES[2]!,
      ]);
      expect(await fillFromGazetteer(database.db, 'division')).toBe(1);
      expect(await localityColumn(database, 'division')).toEqual({
        'in-division': 'FR.27',
        'no-admin1': null,
        'not-in-gazetteer': 'IT.09',
        unmatched: null,
      });
      expect(await fillFromGazetteer(database.db, 'division')).toBe(0);
    });
  });
}
