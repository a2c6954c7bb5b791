import { describe, expect, it } from 'vitest';
import { openRegistry } from '../../src/registry/open-registry.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';
import { raceTwoWriters } from '../support/race-writer-process.js';

const WRITES = 20;

for (const dialect of DIALECTS) {
  describe(`two processes writing one registry [${dialect}]`, () => {
    it('loses no update, answers no 5xx, returns each write its own version and audits every one', async () => {
      const created = await createTestDatabase(dialect);
      const { database } = await openRegistry(created.url);
      try {
        const { link, reports: results } = await raceTwoWriters(database, created.url, WRITES);
        const statuses = results.flatMap((r) => r.statuses);
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
        const versions = results.flatMap((r) => r.versions).sort((a, b) => a - b);
        expect(versions).toHaveLength(2 * WRITES);
        // Each accepted write returned the version it made: all distinct, one per write, none skipped.
        expect(versions).toEqual(Array.from({ length: 2 * WRITES }, (_, i) => link.version + 1 + i));
        const after = await database.db
          .selectFrom('links')
          .select('version')
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow();
        expect(after.version).toBe(link.version + 2 * WRITES);
        const audit = await database.db
          .selectFrom('audit_log')
          .select(['version'])
          .where('entity_type', '=', 'link')
          .where('entity_id', '=', link.id)
          .orderBy('version')
          .execute();
        expect(audit.map((a) => a.version)).toEqual(versions);
      } finally {
        await database.close();
        await created.drop();
      }
    }, 180_000);
  });
}
