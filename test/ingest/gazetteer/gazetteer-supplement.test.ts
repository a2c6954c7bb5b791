import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GazetteerLoadSummary } from '../../../src/ingest/gazetteer/load-gazetteer.js';
import { preparePlace } from '../../../src/ingest/reconcile/prepare-query.js';
import { reconcilePlaces } from '../../../src/ingest/reconcile/reconcile-places.js';
import { openDatabase, type Database } from '../../../src/store/database.js';
import { gazetteerByKeys } from '../../../src/store/gazetteer.repository.js';
import { cliJson } from '../../support/cli.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';
import { fixture } from '../fixtures.js';

for (const dialect of DIALECTS) {
  describe(`the gazetteer supplement [${dialect}]`, () => {
    let url: string;
    let drop: () => Promise<void>;
    let database: Database;
    let alone: GazetteerLoadSummary;
    let supplemented: GazetteerLoadSummary;

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      alone = (await cliJson<GazetteerLoadSummary>(url, 'gazetteer', 'load', fixture('gazetteer-rules.txt')))
        .value;
      const run = await cliJson<GazetteerLoadSummary>(
        url,
        'gazetteer',
        'load',
        fixture('gazetteer-rules.txt'),
        '--supplement',
      );
      expect(run.code).toBe(0);
      supplemented = run.value;
      database = openDatabase(url);
    }, 120_000);
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('loads a given file alone unless asked, and with the supplement adds the places it lacks', () => {
      expect(alone).toMatchObject({ supplement: false, places: 21 });
      expect(supplemented.supplement).toBe(true);
      expect(supplemented.places).toBeGreaterThan(alone.places + 100_000);
    });

    it('does not add a place the file already holds within 3 km, under any of its names', async () => {
      const hits = await gazetteerByKeys(database.db, ['tokyo', 'rosenheim']);
      const tokyo = (hits.get('tokyo') ?? []).filter((h) => h.country === 'JP');
      expect(tokyo.map((h) => h.geonameId)).toEqual([1850147]);
      const rosenheim = (hits.get('rosenheim') ?? []).filter((h) => h.country === 'DE');
      expect(rosenheim.map((h) => h.geonameId)).toContain(2844988);
      expect(rosenheim.filter((h) => Math.abs(h.lat - 47.856) < 0.03)).toHaveLength(1);
    });

    it('matches a place only the supplement holds, known by its country and coordinates', async () => {
      const [tongyeong] = await reconcilePlaces(database.db, [
        preparePlace({ name: 'Tongyeong', country: 'South Korea', lat: 34.85, lon: 128.43 }),
      ]);
      expect(tongyeong).toMatchObject({
        method: 'exact-name',
        doubtful: false,
        candidate: { kind: 'geonames-point', id: expect.stringMatching(/^KR:34\.\d+:128\.\d+$/) },
      });
      // The supplement's file gives no other names: unknown, not none.
      const point = await database.db
        .selectFrom('gazetteer_places')
        .select('other_names')
        .where('geoname_id', '<', 0)
        .where('name', '=', 'Tongyeong')
        .executeTakeFirstOrThrow();
      expect(point.other_names).toBeNull();
    });
  });
}
