import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/api/app.js';
import { configWith } from '../../../src/api/config.js';
import { seatLevel } from '../../../src/core/suggest/seat-level.js';
import { buildWorldInto } from '../../../src/ingest/world/build-world.js';
import type { LinkTimeline } from '../../../src/registry/link/timeline.js';
import type { LocalityPartners } from '../../../src/registry/locality/partners.js';
import { BUNDLED_DATA_DIR, openRegistry, WORLD_SNAPSHOT_FILE } from '../../../src/registry/open-registry.js';
import { snapshotText } from '../../../src/registry/world/write-snapshot.js';
import type { Database } from '../../../src/store/database.js';
import { gazetteerSize } from '../../../src/store/gazetteer.repository.js';
import { countRows } from '../../../src/store/row-count.repository.js';
import { suggestPlaceRows } from '../../../src/store/suggest.repository.js';
import { cli, cliJson } from '../../support/cli.js';
import { createTestDatabase, DIALECTS } from '../../support/databases.js';

const SOURCES = path.join(BUNDLED_DATA_DIR, 'sources');
const FILES = [
  'wikipedia-lists/twin_cities.csv',
  'wikipedia-lists/twin_cities_raw.csv',
  'wikidata-2016/relations.tsv',
  'wikidata-2016/names.tsv',
  'wikidata-2026/links.tsv',
  'wikidata-2026/nodes.tsv',
].map((f) => path.join(SOURCES, f));
const missing = [...FILES, WORLD_SNAPSHOT_FILE].filter((f) => !existsSync(f));
if (missing.length > 0)
  console.warn(`\n*** ${missing.join(', ')} missing: the world registry tests are SKIPPED ***\n`);
const committed = (): string => gunzipSync(readFileSync(WORLD_SNAPSHOT_FILE)).toString('utf8');

describe.skipIf(missing.length > 0)('the world snapshot is what data/sources build', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'twinning-world-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds, on SQLite, to exactly the committed data/world/registry.jsonl.gz (else run `npm run world:build`)', async () => {
    const { database } = await openRegistry(path.join(dir, 'world.sqlite'));
    try {
      const summary = await buildWorldInto(database, SOURCES);
      expect(summary.imports.map((i) => i.source)).toEqual([
        'wikipedia-lists-geocoded',
        'wikipedia-lists',
        'wikidata-2026',
        'wikidata-2016',
      ]);
      const rebuilt = await snapshotText(database.db);
      // Compared line by line first, so a difference names the first table row that differs.
      const a = rebuilt.split('\n');
      const b = committed().split('\n');
      const first = a.findIndex((line, i) => line !== b[i]);
      expect(first === -1 ? null : { line: first + 1, rebuilt: a[first], committed: b[first] }).toBeNull();
      expect(a.length).toBe(b.length);
    } finally {
      await database.close();
    }
  }, 900_000);
});

for (const dialect of DIALECTS) {
  describe.skipIf(missing.length > 0)(`the world registry loaded from its snapshot [${dialect}]`, () => {
    let url = '';
    let drop: () => Promise<void> = async () => undefined;
    let database: Database;

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      const opened = await openRegistry(url, undefined, { dataset: 'world' });
      database = opened.database;
      expect(opened.world?.links).toBeGreaterThan(0);
    }, 600_000);
    afterAll(async () => {
      await database?.close();
      await drop();
    });

    it('holds what the snapshot holds, row for row, and a second open loads nothing', async () => {
      expect(await snapshotText(database.db)).toBe(committed());
      const again = await openRegistry(url, undefined, { dataset: 'world' });
      await again.database.close();
      expect(again.world).toBeUndefined();
      expect(again.seeded).toBeUndefined();
    });

    it('serves at least 34,000 links and 19,000 localities', async () => {
      const count = (table: 'links' | 'localities') => countRows(database.db, table);
      expect(await count('links')).toBeGreaterThanOrEqual(34_000);
      expect(await count('localities')).toBeGreaterThanOrEqual(19_000);
    });

    it('shows Coventry in 1950 with Stalingrad and Kiel in force and the undated partners apart', async () => {
      const { value } = await cliJson<LocalityPartners>(url, 'locality', 'coventry', '--as-of', '1950');
      expect(value.partners.map((p) => p.partner.name).sort()).toEqual(['Kiel', 'Stalingrad']);
      expect(value.partners.every((p) => p.status === 'active')).toBe(true);
      expect(value.undated.length).toBeGreaterThan(10);
      expect(value.undated.every((p) => p.status === 'unknown')).toBe(true);
      const text = await cli(url, 'locality', 'coventry', '--as-of', '1950');
      expect(text.out).toMatch(
        new RegExp(
          `Listed by sources without a date, not known to stand in 1950 \\(${value.undated.length}\\)`,
        ),
      );
    });

    it('shows Volgograd paused since 2022-03-22 as of 2023, and Wikidata 2016 links in force then', async () => {
      const { value } = await cliJson<LocalityPartners>(url, 'locality', 'coventry', '--as-of', '2023');
      expect(value.partners.find((p) => p.partner.key === 'volgograd')).toMatchObject({
        status: 'paused',
        since: '2022-03-22',
      });
      // Listed by Wikidata in September 2016, so known to stand in 2023; the undated rest are apart.
      expect(value.partners.length).toBeGreaterThan(10);
      const today = await cliJson<LocalityPartners>(url, 'locality', 'coventry');
      expect(today.value.undated).toEqual([]);
    });

    it('cites every source that states Coventry–Volgograd, bundled and imported', async () => {
      const { value } = await cliJson<LinkTimeline>(url, 'link', 'coventry', 'volgograd');
      const keys = value.sources.map((s) => s.sourceKey);
      expect(keys).toEqual(expect.arrayContaining(['seed', 'wikidata-2016', 'wikidata-2026']));
      const text = await cli(url, 'link', 'coventry', 'volgograd');
      for (const cited of [/Sources: .*seed#/, /wikidata-2016#line \d+/, /wikidata-2026#line \d+/])
        expect(text.out).toMatch(cited);
    });

    it('gives the partner finder its seat levels with no gazetteer loaded, from the localities themselves', async () => {
      expect(await gazetteerSize(database.db)).toBe(0);
      const rows = await suggestPlaceRows(database.db);
      const seat = (key: string) => seatLevel(rows.find((r) => r.key === key)?.featureCode);
      expect([seat('rome'), seat('beijing-cn'), seat('kiel'), seat('coventry')]).toEqual([0, 0, 1, 2]);
      // Every locality with a GeoNames id has the code of its place (the world build's gazetteer holds them all).
      const known = rows.filter((r) => seatLevel(r.featureCode) !== undefined).length;
      const matched = await database.db
        .selectFrom('localities')
        .select((eb) => eb.fn.count<number>('geonames_id').as('n'))
        .executeTakeFirstOrThrow();
      expect(known).toBeGreaterThan(16_000);
      expect(known).toBe(Number(matched.n));
    });

    it('gives the partner finder its first-level divisions with no gazetteer loaded, from the localities themselves', async () => {
      expect(await gazetteerSize(database.db)).toBe(0);
      const rows = await suggestPlaceRows(database.db);
      const division = (key: string) => rows.find((r) => r.key === key)?.division;
      expect([division('rome'), division('kiel'), division('coventry')]).toEqual([
        'IT.07',
        'DE.10',
        'GB.ENG',
      ]);
      // Every locality with a division has a GeoNames id; most matched places have an admin1 code.
      const known = rows.filter((r) => r.division !== null);
      const matched = new Set(
        (
          await database.db
            .selectFrom('localities')
            .select('key')
            .where('geonames_id', 'is not', null)
            .execute()
        ).map((r) => r.key),
      );
      expect(known.length).toBeGreaterThan(16_000);
      expect(known.filter((r) => !matched.has(r.key))).toEqual([]);
      expect(known.every((r) => /^[A-Z]{2}\.[A-Z0-9]+$/.test(r.division!))).toBe(true);
    });

    it('gives the partner finder how many other names each matched place has, with no gazetteer loaded', async () => {
      expect(await gazetteerSize(database.db)).toBe(0);
      const rows = await suggestPlaceRows(database.db);
      const otherNames = (key: string) => rows.find((r) => r.key === key)?.otherNames;
      // cities500's alternate names of each place, its own name left out (Coventria, Koventri, Ковентри, 考文垂…).
      expect([otherNames('coventry'), otherNames('paris'), otherNames('rome')]).toEqual([32, 107, 59]);
      // Known exactly where the locality has a GeoNames id (a supplement's place has none, and no other names).
      const known = rows.filter((r) => r.otherNames !== null);
      const matched = await database.db
        .selectFrom('localities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('geonames_id', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(known.length).toBe(Number(matched.n));
      expect(known.length).toBeGreaterThan(16_000);
    });

    it('finds the names the gazetteer holds for a matched place in the API search as you type', async () => {
      const app = await buildApp(configWith({ logLevel: 'silent', databaseUrl: url }), database);
      try {
        for (const q of ['Рим', '北京', 'Rom']) {
          const res = await app.inject({
            method: 'GET',
            url: `/v1/localities?q=${encodeURIComponent(q)}&limit=5`,
          });
          expect(res.statusCode).toBe(200);
          const keys = (res.json() as { items: { key: string }[] }).items.map((i) => i.key);
          expect(keys, q).toContain(q === '北京' ? 'beijing-cn' : 'rome');
        }
      } finally {
        await app.close();
      }
    });
  });
}
