import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry } from '../../src/registry/open-registry.js';
import {
  SQLITE_CHECK_MS,
  watchChanges,
  type ChangeScope,
  type ChangeWatch,
} from '../../src/store/change-watch.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`the change watch tells the registry's tables from the others [${dialect}]`, () => {
    let database: Database;
    let other: Database;
    let drop: () => Promise<void>;
    let watch: ChangeWatch;
    const seen: ChangeScope[] = [];

    /** What the watch reports after another connection's commit, once it has had time to hear of it. */
    async function reportedAfter(write: () => Promise<unknown>): Promise<ChangeScope[]> {
      await watch.check(true);
      seen.length = 0;
      await write();
      for (let i = 0; i < 25 && seen.length === 0; i++) {
        await watch.check(true);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return [...new Set(seen)];
    }

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      other = openDatabase(created.url);
      watch = await watchChanges(database, created.url, (scope) => seen.push(scope));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    afterAll(async () => {
      await watch.close();
      await other.close();
      await database.close();
      await drop();
    });

    it('does not count a study cached by another process as a change to the registry', async () => {
      const reported = await reportedAfter(() =>
        other.db
          .insertInto('analysis_cache')
          .values({ key: 'degree', version: 'v1', value: '{}', computed_at: '2026-11-28T00:00:00Z' })
          .execute(),
      );
      expect(reported).not.toContain('registry');
      if (dialect === 'sqlite') expect(reported).toEqual(['other']); // the commit is seen, and told apart
    });

    it('counts a renamed place, a deleted row, a row put back and a new one', async () => {
      expect(
        await reportedAfter(() =>
          other.db.updateTable('locality_names').set({ name: 'Numbatville' }).where('id', '=', 1).execute(),
        ),
      ).toEqual(['registry']);
      const term = await other.db.selectFrom('terms').selectAll().orderBy('id').executeTakeFirstOrThrow();
      expect(
        await reportedAfter(() => other.db.deleteFrom('terms').where('id', '=', term.id).execute()),
      ).toEqual(['registry']);
      expect(await reportedAfter(() => other.db.insertInto('terms').values(term).execute())).toEqual([
        'registry',
      ]);
      const { id, ...rest } = term;
      expect(
        await reportedAfter(() =>
          other.db
            .insertInto('terms')
            .values({ ...rest, term: `${rest.term} (again)` })
            .execute(),
        ),
      ).toEqual(['registry']);
      expect(id).toBeGreaterThan(0);
    });

    it("counts this connection's own change to the registry, and not its own study", async () => {
      expect(
        await reportedAfter(() =>
          database.db
            .insertInto('analysis_cache')
            .values({ key: 'clustering', version: 'v1', value: '{}', computed_at: '2026-11-28T00:00:00Z' })
            .execute(),
        ),
      ).not.toContain('registry');
      if (dialect === 'postgres') return; // PostgreSQL: a connection's own commits notify it too (above)
      expect(
        await reportedAfter(() =>
          database.db.updateTable('localities').set({ notes: 'x' }).where('id', '=', 1).execute(),
        ),
      ).toEqual(['registry']);
    });

    it('asks nothing within SQLITE_CHECK_MS of the last question (SQLite; PostgreSQL never asks), so the caller need not wait', async () => {
      await watch.check(true);
      const again = watch.check();
      if (dialect === 'postgres') expect(again).toBeUndefined();
      else {
        // Asked again at once: nothing to ask (unless the machine stalled past SQLITE_CHECK_MS in between).
        const at = performance.now();
        const quick = watch.check();
        if (performance.now() - at < SQLITE_CHECK_MS) expect(quick).toBeUndefined();
        await again;
        await new Promise((resolve) => setTimeout(resolve, SQLITE_CHECK_MS + 5));
        const due = watch.check();
        expect(due).toBeInstanceOf(Promise);
        await due;
      }
      const forced = watch.check(true);
      if (dialect === 'sqlite') expect(forced).toBeInstanceOf(Promise);
      await forced;
    });
  });
}
