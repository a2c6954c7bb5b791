import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Database } from '../../../src/store/database.js';
import { indexNames } from '../../../src/store/writes/name-index.js';
import { createTestDatabase, DIALECTS } from '../../support/databases.js';
import { addBareLocality, migrateUpTo } from '../../support/migration-rows.js';

/** Hypothetical localities and names (made up for the test); each name is indexed with a stale population. */
async function addNamedLocality(database: Database, key: string, name: string): Promise<number> {
  await addBareLocality(database, key, null);
  const { id } = await database.db
    .selectFrom('localities')
    .select('id')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const folded = name.toLowerCase();
  const row = await database.db
    .insertInto('locality_names')
    .values({ locality_id: id, name, folded, lang: 'en', valid_from: null, valid_to: null, is_primary: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await indexNames(database.db, [{ id: Number(row.id), folded, population: 7 }]);
  return Number(id);
}

/** The population each name's word rows rank by, by name (one value when its words agree). */
async function wordPopulations(database: Database): Promise<Record<string, number[]>> {
  const rows = await database.db
    .selectFrom('locality_name_words as w')
    .innerJoin('locality_names as n', 'n.id', 'w.name_id')
    .select(['n.name', 'w.population'])
    .distinct()
    .orderBy('n.name')
    .execute();
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[r.name] ??= []).push(Number(r.population));
  return out;
}

async function setPopulation(database: Database, id: number, population: number | null): Promise<void> {
  await database.db.updateTable('localities').set({ population }).where('id', '=', id).execute();
}

for (const dialect of DIALECTS) {
  describe(`migration 0012: the word index's copy of populations kept by triggers [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let north: number;
    let south: number;

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = openDatabase(created.url);
      await migrateUpTo(database, '0011-locality-division');
      north = await addNamedLocality(database, 'north', 'North Town');
      south = await addNamedLocality(database, 'south', 'South Port');
      await setPopulation(database, north, 1200);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('brings the copies written before it up to date', async () => {
      expect(await wordPopulations(database)).toEqual({ 'North Town': [7], 'South Port': [7] });
      await migrateToLatest(database);
      expect(await wordPopulations(database)).toEqual({ 'North Town': [1200], 'South Port': [-1] });
    });

    it("copies a locality's new population to its names' words, whoever writes it", async () => {
      await setPopulation(database, south, 45_000);
      expect(await wordPopulations(database)).toEqual({ 'North Town': [1200], 'South Port': [45_000] });
      await setPopulation(database, north, null);
      expect(await wordPopulations(database)).toEqual({ 'North Town': [-1], 'South Port': [45_000] });
    });

    it('ranks a name that moves to another locality (a merge) by its new place', async () => {
      await database.db
        .updateTable('locality_names')
        .set({ locality_id: south })
        .where('name', '=', 'North Town')
        .execute();
      expect(await wordPopulations(database)).toEqual({ 'North Town': [45_000], 'South Port': [45_000] });
      await setPopulation(database, south, 50_000);
      expect(await wordPopulations(database)).toEqual({ 'North Town': [50_000], 'South Port': [50_000] });
      await setPopulation(database, north, 9);
      expect(await wordPopulations(database)).toEqual({ 'North Town': [50_000], 'South Port': [50_000] });
    });
  });
}
