import { Migrator, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Link } from '../../../src/core/link.js';
import { parsePartialDate } from '../../../src/core/partial-date.js';
import { applyRuleChanges } from '../../../src/core/policies/what-if.js';
import { addLink } from '../../../src/registry/link/insert-checked.js';
import { openRegistry } from '../../../src/registry/open-registry.js';
import { bundledRuleSet } from '../../../src/registry/policies/rule-set.js';
import { checkLocality, checkPair, ruleReport } from '../../../src/registry/policies/rules-report.js';
import { migrateToLatest, openDatabase, type Database } from '../../../src/store/database.js';
import { localityIdsByKey } from '../../../src/store/locality.repository.js';
import { insertLocality } from '../../../src/store/writes/locality.js';
import { allMigrations } from '../../../src/store/migrations/index.js';
import { sourceIdsByKey } from '../../../src/store/source.repository.js';
import { DIALECTS, createTestDatabase } from '../../support/databases.js';

const d = (t: string) => parsePartialDate(t);
const TODAY = d('2026-11-29');

/** Hypothetical places and links for the test, not claims about real towns. */
const PLACES = [
  { key: 'test-town-tx', country: 'US', subdivision: 'US-TX' },
  { key: 'test-city-tx', country: 'US', subdivision: 'US-TX' },
  { key: 'test-town-cn', country: 'CN' },
  { key: 'test-town-ru', country: 'RU' },
  { key: 'test-town-fr', country: 'FR' },
  { key: 'test-town-in', country: 'US', subdivision: 'US-IN' },
];

const link = (aKey: string, bKey: string, formed?: string): Link => ({
  aKey,
  bKey,
  kind: 'sister_city',
  purposes: [],
  exclusive: false,
  citations: [],
  events: [{ type: 'agreement_signed', date: formed === undefined ? undefined : d(formed), citations: [] }],
});

for (const dialect of DIALECTS) {
  describe(`rules over the registry [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      for (const p of PLACES)
        await insertLocality(
          database.db,
          { ...p, kind: 'town', names: [{ name: p.key, lang: 'en', primary: true }] },
          null,
        );
      const ids = await localityIdsByKey(
        database.db,
        PLACES.map((p) => p.key),
      );
      const sources = await sourceIdsByKey(database.db);
      const add = (l: Link) =>
        addLink(database.db, l, { aId: ids.get(l.aKey)!, bId: ids.get(l.bKey)! }, sources, TODAY);
      await add(link('test-town-tx', 'test-town-cn'));
      await add(link('test-city-tx', 'test-town-ru', '1995-05-05'));
      await add(link('test-town-tx', 'test-town-fr'));
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('lists Texas links with Chinese and Russian towns past the deadline on 2025-10-02, untouched on 2025-08-31', async () => {
      const late = await ruleReport(database.db, bundledRuleSet(), 'us-tx-hb-128', d('2025-10-02'), TODAY);
      const pairs = late.rows.map((r) => [r.a.key, r.b?.key, r.result.verdict]);
      expect(pairs).toEqual([
        ['test-town-tx', 'test-town-cn', 'past_deadline'],
        ['test-city-tx', 'test-town-ru', 'past_deadline'],
      ]);
      const early = await ruleReport(database.db, bundledRuleSet(), 'us-tx-hb-128', d('2025-08-31'), TODAY);
      expect(early.rows.map((r) => [r.result.verdict, r.result.inForce])).toEqual([
        ['allowed', false],
        ['allowed', false],
      ]);
    });

    it("shows Victoria's bundled arrangements as cancelled by the federal decision", async () => {
      const rows = await checkLocality(database.db, bundledRuleSet(), 'victoria', d('2021-05-01'), TODAY);
      expect(rows.map((r) => [r.b?.key, r.result.verdict])).toEqual([
        ['china', 'cancelled'],
        ['iran', 'cancelled'],
        ['syria', 'cancelled'],
      ]);
      expect(rows.every((r) => r.status === 'ended')).toBe(true);
    });

    it('judges a proposed Indiana–China link without writing it, and a bill only once taken as enacted', async () => {
      const before = await database.db
        .selectFrom('links')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const now = await checkPair(
        database.db,
        bundledRuleSet(),
        'test-town-in',
        'test-town-cn',
        'sister_city',
        d('2024-07-01'),
        TODAY,
      );
      expect(now.proposed).toBe(true);
      expect(now.rows.map((r) => r.result.verdict)).toEqual(['prohibited']);
      const earlier = await checkPair(
        database.db,
        bundledRuleSet(),
        'test-town-in',
        'test-town-cn',
        undefined,
        d('2023-01-01'),
        TODAY,
      );
      expect(earlier.rows.map((r) => r.result.verdict)).toEqual(['allowed']);
      const without = applyRuleChanges(bundledRuleSet(), { remove: ['us-in-hea-1120'] });
      expect(
        (
          await checkPair(
            database.db,
            without,
            'test-town-in',
            'test-town-cn',
            undefined,
            d('2024-07-01'),
            TODAY,
          )
        ).rows,
      ).toEqual([]);
      const after = await database.db
        .selectFrom('links')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('gives US localities imported before migration 0005 their state from the gazetteer', async () => {
      const created = await createTestDatabase(dialect);
      const db = openDatabase(created.url);
      try {
        const provider: MigrationProvider = { getMigrations: async () => allMigrations(db.dialect) };
        await new Migrator({ db: db.db, provider }).migrateTo('0004-analysis-cache');
        await db.db
          .insertInto('gazetteer_places')
          .values({
            geoname_id: 4671654,
            name: 'Austin',
            lat: 30.27,
            lon: -97.74,
            feature_code: 'PPLA',
            country: 'US',
            admin1: 'TX',
            admin2: '453',
            population: 1,
            timezone: 'America/Chicago',
          })
          .execute();
        const now = new Date().toISOString();
        await db.db
          .insertInto('localities')
          .values({
            key: 'austin-us',
            kind: 'city',
            country: 'US',
            parent_id: null,
            lat: null,
            lon: null,
            population: null,
            population_year: null,
            wikidata_id: null,
            geonames_id: 4671654,
            unverified: 0,
            notes: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await migrateToLatest(db);
        const row = await db.db
          .selectFrom('localities')
          .select('subdivision')
          .where('key', '=', 'austin-us')
          .executeTakeFirstOrThrow();
        expect(row.subdivision).toBe('US-TX');
      } finally {
        await db.close();
        await created.drop();
      }
    });
  });
}
