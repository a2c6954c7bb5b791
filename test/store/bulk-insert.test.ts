import { describe, expect, it } from 'vitest';
import { insertRows } from '../../src/store/bulk-insert.js';
import { migrateToLatest, openDatabase } from '../../src/store/database.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

const term = (n: number, notes?: string | null) => ({
  term: `term ${n}`,
  lang: 'en',
  romanized: n % 2 === 0 ? null : `t${n}`,
  country: 'FR',
  meaning: `meaning "${n}" with 'quotes'`,
  notes,
});

for (const dialect of DIALECTS) {
  describe(`insertRows [${dialect}]`, () => {
    it('writes the rows Kysely would, in order, with their defaults, and returns the columns asked for', async () => {
      const created = await createTestDatabase(dialect);
      const database = openDatabase(created.url);
      try {
        await migrateToLatest(database);
        const rows = [term(1, 'a'), term(2, null), term(3, 'c')];
        const returned = await insertRows(database.db, 'terms', rows, ['id', 'term']);
        await database.db.insertInto('terms').values(rows).execute();
        // A batch of the same shape reuses its statement; values still bound afresh.
        await insertRows(database.db, 'terms', [term(4, 'd'), term(5, 'e'), term(6, 'f')]);
        const stored = await database.db.selectFrom('terms').selectAll().orderBy('id').execute();
        expect(returned.map((r) => r.term)).toEqual(['term 1', 'term 2', 'term 3']);
        expect(returned.map((r) => r.id)).toEqual(stored.slice(0, 3).map((r) => r.id));
        const fields = ({ id: _id, ...rest }: { id: number }) => rest;
        expect(stored.slice(0, 3).map(fields)).toEqual(stored.slice(3, 6).map(fields));
        expect(stored.slice(6).map((r) => [r.term, r.notes])).toEqual([
          ['term 4', 'd'],
          ['term 5', 'e'],
          ['term 6', 'f'],
        ]);
        // A column no row gives is left out (its default, null here); where only some rows leave it undefined,
        // it is the column's default for them on PostgreSQL and null on SQLite, as with Kysely.
        const left = await insertRows(database.db, 'terms', [term(7), term(8)], ['id']);
        left.push(...(await insertRows(database.db, 'terms', [term(9), term(10, 'j')], ['id'])));
        const written = await database.db
          .selectFrom('terms')
          .select(['term', 'notes'])
          .where(
            'id',
            'in',
            left.map((r) => r.id),
          )
          .orderBy('id')
          .execute();
        expect(written).toEqual([
          { term: 'term 7', notes: null },
          { term: 'term 8', notes: null },
          { term: 'term 9', notes: null },
          { term: 'term 10', notes: 'j' },
        ]);
        expect(await insertRows(database.db, 'terms', [], ['id'])).toEqual([]);
      } finally {
        await database.close();
        await created.drop();
      }
    });
  });
}
