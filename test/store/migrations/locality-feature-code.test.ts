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
const PLACES = [
  { geoname_id: 900_001, feature_code: 'PPLA2' },
  { geoname_id: 900_002, feature_code: 'PPLC' },
  { geoname_id: 900_003, feature_code: 'PPL' },
];

for (const dialect of DIALECTS) {
  describe(`migration 0010: a locality's feature code [${dialect}]`, () => {
    const databaseOf = blockDatabase(dialect);

    it('backfills localities matched before it from the gazetteer places it holds, null for the rest', async () => {
      const database = databaseOf();
      await migrateUpTo(database, '0009-registry-change-count');
      await addGazetteerPlaces(database, PLACES.slice(0, 2));
      await addBareLocality(database, 'seat', 900_001);
      await addBareLocality(database, 'capital', 900_002);
      await addBareLocality(database, 'not-in-gazetteer', 900_003);
      await addBareLocality(database, 'unmatched', null);
      await migrateToLatest(database);
      expect(await localityColumn(database, 'feature_code')).toEqual({
        capital: 'PPLC',
        'not-in-gazetteer': null,
        seat: 'PPLA2',
        unmatched: null,
      });
    });

    it('fills the codes a later gazetteer holds, and keeps those already known', async () => {
      const database = databaseOf();
      await database.db.deleteFrom('gazetteer_places').execute();
      // The newer gazetteer says otherwise of 900_001: the code the locality has is kept.
      await addGazetteerPlaces(database, [{ geoname_id: 900_001, feature_code: 'PPLA3' }, PLACES[2]!]);
      expect(await fillFromGazetteer(database.db, 'feature_code')).toBe(1);
      expect(await localityColumn(database, 'feature_code')).toEqual({
        capital: 'PPLC',
        'not-in-gazetteer': 'PPL',
        seat: 'PPLA2',
        unmatched: null,
      });
      expect(await fillFromGazetteer(database.db, 'feature_code')).toBe(0);
    });
  });
}
