import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { addLink } from '../../src/registry/link/insert-checked.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { bumpVersion } from '../../src/registry/versioned-write.js';
import { dataStamp } from '../../src/store/data-stamp.repository.js';
import type { Database } from '../../src/store/database.js';
import { localityIdsByKey } from '../../src/store/locality.repository.js';
import { sourceIdsByKey } from '../../src/store/source.repository.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`the data stamp [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const made = await createTestDatabase(dialect);
      drop = made.drop;
      database = (await openRegistry(made.url)).database;
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('stays the same while nothing is written', async () => {
      expect(await dataStamp(database.db)).toBe(await dataStamp(database.db));
    });

    it('changes with a new link and with a version bump of a locality', async () => {
      const before = await dataStamp(database.db);
      const ids = await localityIdsByKey(database.db, ['kiel', 'tashkent']);
      await database.db
        .transaction()
        .execute(async (trx) =>
          addLink(
            trx,
            { aKey: 'kiel', bKey: 'tashkent', purposes: [], exclusive: false, citations: [], events: [] },
            { aId: ids.get('kiel')!, bId: ids.get('tashkent')! },
            await sourceIdsByKey(trx),
            parsePartialDate('2026-01-01'),
          ),
        );
      const afterLink = await dataStamp(database.db);
      expect(afterLink).not.toBe(before);
      await database.db
        .transaction()
        .execute((trx) => bumpVersion(trx, { entity: 'locality', id: ids.get('kiel')!, key: 'kiel' }));
      expect(await dataStamp(database.db)).not.toBe(afterLink);
    });
  });
}
