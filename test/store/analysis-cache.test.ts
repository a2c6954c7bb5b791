import { describe, expect, it } from 'vitest';
import { cachedResult, keepResult } from '../../src/store/analysis-cache.repository.js';
import { migrateToLatest, openDatabase } from '../../src/store/database.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`analysis cache table [${dialect}]`, () => {
    it('keeps at most its bound of results, the most recent ones', async () => {
      const created = await createTestDatabase(dialect);
      const database = openDatabase(created.url);
      try {
        await migrateToLatest(database);
        for (let i = 0; i < 8; i++) {
          await keepResult(database.db, `study:seed=${i}`, 'v1', { i }, 5);
          await new Promise((resolve) => setTimeout(resolve, 3)); // distinct computed_at
        }
        const { count } = await database.db
          .selectFrom('analysis_cache')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow();
        expect(Number(count)).toBe(5);
        expect(await cachedResult(database.db, 'study:seed=7', 'v1')).toEqual({ i: 7 });
        expect(await cachedResult(database.db, 'study:seed=3', 'v1')).toEqual({ i: 3 });
        expect(await cachedResult(database.db, 'study:seed=2', 'v1')).toBeUndefined();
        // Replacing a kept key does not grow the table.
        await keepResult(database.db, 'study:seed=7', 'v2', { i: 70 }, 5);
        expect(await cachedResult(database.db, 'study:seed=7', 'v2')).toEqual({ i: 70 });
      } finally {
        await database.close();
        await created.drop();
      }
    });
  });
}
