import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TwinningError } from '../../src/core/errors.js';
import type { Link } from '../../src/core/link.js';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { addLink } from '../../src/registry/link/insert-checked.js';
import { BUNDLED_DATA_DIR, openRegistry } from '../../src/registry/open-registry.js';
import { migrateToLatest, openDatabase, type Database } from '../../src/store/database.js';
import { linkBetween } from '../../src/store/link.repository.js';
import { localityIdsByKey } from '../../src/store/locality.repository.js';
import { insertLocality } from '../../src/store/writes/locality.js';
import { sourceIdsByKey } from '../../src/store/source.repository.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';
import { tableCounts } from '../support/registry-snapshot.js';

const TODAY = parsePartialDate('2026-11-28');

const newLink = (aKey: string, bKey: string, overrides: Partial<Link> = {}): Link => ({
  aKey,
  bKey,
  kind: 'twin_town',
  purposes: [],
  exclusive: false,
  citations: [],
  events: [{ type: 'agreement_signed', date: parsePartialDate('2025-05-01'), actor: 'a', citations: [] }],
  ...overrides,
});

/** Copies the bundled dataset to a temporary folder and lets a test break one file. */
function brokenDataset(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'twinning-data-'));
  cpSync(BUNDLED_DATA_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

for (const dialect of DIALECTS) {
  describe(`registry writes [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let ids: Map<string, number>;

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      await insertLocality(
        database.db,
        {
          key: 'test-london',
          kind: 'city',
          country: 'GB',
          names: [{ name: 'London', lang: 'en', primary: true }],
        },
        null,
      );
      ids = await localityIdsByKey(database.db, ['rome', 'paris', 'test-london', 'coventry', 'kiel']);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    const add = async (link: Link) =>
      database.db
        .transaction()
        .execute(async (trx) =>
          addLink(
            trx,
            link,
            { aId: ids.get(link.aKey)!, bId: ids.get(link.bKey)! },
            await sourceIdsByKey(trx),
            TODAY,
          ),
        );

    it('refuses another active twin for Rome or Paris, naming the exclusivity, and writes nothing', async () => {
      const before = await tableCounts(database.db);
      for (const [a, b] of [
        ['rome', 'test-london'],
        ['test-london', 'paris'],
      ] as const) {
        const error = await add(newLink(a, b)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TwinningError);
        expect((error as TwinningError).code).toBe('ExclusiveLink');
        expect((error as TwinningError).message).toMatch(
          /(rome is twinned exclusively with paris|paris is twinned exclusively with rome)/,
        );
      }
      expect(await tableCounts(database.db)).toEqual(before);
    });

    it('still lets Rome record a link that was only proposed', async () => {
      const id = await add(
        newLink('rome', 'test-london', {
          events: [{ type: 'proposed', date: parsePartialDate('2025'), citations: [] }],
        }),
      );
      expect(id).toBeGreaterThan(0);
    });

    it('lets only one of two concurrent writes through when one would make the other break exclusivity', async () => {
      for (const key of ['race-a', 'race-b', 'race-c']) {
        const id = await insertLocality(
          database.db,
          { key, kind: 'town', country: 'FR', names: [{ name: key, lang: 'en', primary: true }] },
          null,
        );
        ids.set(key, id);
      }
      // The first write holds its transaction open after its checks; the second starts meanwhile.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let firstChecked = (): void => undefined;
      const checked = new Promise<void>((resolve) => (firstChecked = resolve));
      const first = database.db.transaction().execute(async (trx) => {
        const link = newLink('race-a', 'race-b', { exclusive: true });
        await addLink(
          trx,
          link,
          { aId: ids.get('race-a')!, bId: ids.get('race-b')! },
          await sourceIdsByKey(trx),
          TODAY,
        );
        firstChecked();
        await held;
      });
      await checked;
      const second = add(newLink('race-a', 'race-c'));
      setTimeout(release, 300);
      const results = await Promise.allSettled([first, second]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'ExclusiveLink' });
    });

    it('refuses a second link for a pair, a self-link and a contradictory history', async () => {
      await expect(add(newLink('kiel', 'coventry'))).rejects.toMatchObject({ code: 'DuplicateLink' });
      await expect(add(newLink('kiel', 'kiel'))).rejects.toMatchObject({ code: 'SelfLink' });
      await expect(
        add(
          newLink('test-london', 'kiel', {
            events: [{ type: 'resumed', date: parsePartialDate('2020'), citations: [] }],
          }),
        ),
      ).rejects.toMatchObject({ code: 'LifecycleContradiction' });
    });

    it('stores sides in id order and keeps each event’s actor on the right side', async () => {
      const [first, second] = [...[ids.get('test-london')!, ids.get('kiel')!]].sort((x, y) => y - x);
      const keyOf = new Map([...ids].map(([k, v]) => [v, k]));
      await add(
        newLink(keyOf.get(first!)!, keyOf.get(second!)!, {
          events: [{ type: 'agreement_signed', date: parsePartialDate('2025'), actor: 'a', citations: [] }],
        }),
      );
      const stored = await linkBetween(database.db, first!, second!);
      expect(stored!.aId).toBeLessThan(stored!.bId);
      expect(stored!.aId).toBe(second);
      expect(stored!.events[0]!.actor).toBe('b');
    });
  });

  describe(`loading a broken bundled dataset [${dialect}]`, () => {
    const cases: [string, string, (t: string) => string, RegExp][] = [
      [
        'a bad date',
        'links.yaml',
        (t) => t.replace(/date: "1944"/, 'date: "1944-13-40"'),
        /links\.yaml:\d+:\d+: \[\d+\]\.events\[\d+\]\.date: "1944-13-40" has month 13/,
      ],
      [
        'an unknown locality',
        'links.yaml',
        (t) => t.replace('[coventry, kiel]', '[coventry, atlantis]'),
        /links\.yaml:\d+:\d+: \[\d+\]\.between\[1\]: "atlantis" is not a locality/,
      ],
      [
        'an empty name',
        'localities.yaml',
        (t) => t.replace(/name: Coventry\b/, 'name: ""'),
        /localities\.yaml:\d+:\d+: \[\d+\]\.names\[0\]\.name: a name may not be empty/,
      ],
      [
        'an unknown kind',
        'links.yaml',
        (t) => t.replace('kind: twin_town', 'kind: twinnish'),
        /links\.yaml:\d+:\d+: \[\d+\]\.kind: /,
      ],
      ['a YAML syntax error', 'terms.yaml', (t) => `${t}\n- term: [unclosed\n`, /terms\.yaml:\d+:\d+: /],
    ];
    it.each(cases)('rejects %s with file:line and loads nothing', async (_what, file, edit, message) => {
      const dir = brokenDataset(file, edit);
      const { url, drop } = await createTestDatabase(dialect);
      const error = await openRegistry(url, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TwinningError);
      expect((error as TwinningError).describe()).toMatch(message);
      const database = openDatabase(url);
      await migrateToLatest(database);
      const counts = await tableCounts(database.db);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
      await database.close();
      await drop();
    });
  });
}
