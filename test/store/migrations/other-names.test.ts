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

for (const dialect of DIALECTS) {
  describe(`migration 0013: how many other names a place has [${dialect}]`, () => {
    const databaseOf = blockDatabase(dialect);

    it('adds the count empty to the gazetteer and the localities: a gazetteer loaded before it kept no count', async () => {
      const database = databaseOf();
      await migrateUpTo(database, '0012-name-words-population');
      // Hypothetical places (ids made up for the test, not GeoNames').
      await addGazetteerPlaces(database, [{ geoname_id: 900_201 }, { geoname_id: 900_202 }]);
      await addBareLocality(database, 'matched', 900_201);
      await addBareLocality(database, 'unmatched', null);
      await migrateToLatest(database);
      const places = await database.db.selectFrom('gazetteer_places').select('other_names').execute();
      expect(places.map((p) => p.other_names)).toEqual([null, null]);
      expect(await localityColumn(database, 'other_names')).toEqual({ matched: null, unmatched: null });
    });

    it('fills the counts a later gazetteer holds, and keeps those already known', async () => {
      const database = databaseOf();
      await database.db.deleteFrom('gazetteer_places').execute();
      await addGazetteerPlaces(database, [
        { geoname_id: 900_201, other_names: 12 },
        { geoname_id: 900_203, other_names: 0 },
        { geoname_id: 900_204, other_names: null }, // a supplement's place: unknown
      ]);
      await addBareLocality(database, 'none-other', 900_203);
      await addBareLocality(database, 'unknown', 900_204);
      expect(await fillFromGazetteer(database.db, 'other_names')).toBe(2);
      expect(await localityColumn(database, 'other_names')).toEqual({
        matched: 12,
        'none-other': 0,
        unknown: null,
        unmatched: null,
      });
      // A newer gazetteer says otherwise: the count the locality has is kept.
      await database.db
        .updateTable('gazetteer_places')
        .set({ other_names: 20 })
        .where('geoname_id', '=', 900_201)
        .execute();
      expect(await fillFromGazetteer(database.db, 'other_names')).toBe(0);
      expect((await localityColumn(database, 'other_names')).matched).toBe(12);
    });
  });
}
