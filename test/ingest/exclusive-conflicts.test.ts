import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exclusiveClash } from '../../src/core/exclusive-conflicts.js';
import type { ImportSummary } from '../../src/ingest/import/run-import.js';
import type { ConflictItem } from '../../src/store/reconcile-report.repository.js';
import { cli, cliJson } from '../support/cli.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';
import { fixture } from './fixtures.js';

describe('exclusiveClash', () => {
  it('allows a partnership beside an exclusive twinning, refuses a twinning, and leaves an unknown kind to a person', () => {
    expect(exclusiveClash('partner_town')).toBe('allowed');
    expect(exclusiveClash('friendship_city')).toBe('allowed');
    expect(exclusiveClash('twin_town')).toBe('breach');
    expect(exclusiveClash('sister_city')).toBe('breach');
    expect(exclusiveClash(undefined)).toBe('undetermined');
  });
});

for (const dialect of DIALECTS) {
  describe(`imported links beside Paris–Rome [${dialect}]`, () => {
    let url: string;
    let drop: () => Promise<void>;
    const dir = mkdtempSync(path.join(tmpdir(), 'twinning-conflicts-'));
    const list = path.join(dir, 'list.csv');

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      expect((await cli(url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
      writeFileSync(
        list,
        [
          'city1,country1,city2,country2',
          'Paris,France,Berlin,Germany',
          'Rome,Italy,Paris,France',
          'Moscow,Russia,Berlin,Germany',
        ].join('\n'),
      );
    });
    afterAll(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps an imported Paris link, flags it as a conflict, and lists it in `report conflicts`', async () => {
      const run = await cliJson<ImportSummary>(url, 'import', 'wikipedia-list', list, '--source', 'wp');
      expect(run.code).toBe(0);
      // Paris–Berlin is new and clashes; Rome–Paris is the exclusive link itself; Moscow–Berlin touches neither.
      expect(run.value).toMatchObject({ linksCreated: 2, linksConfirmed: 1, conflicts: 1 });
      const report = await cliJson<{ total: number; items: ConflictItem[] }>(url, 'report', 'conflicts');
      expect(report.value.total).toBe(1);
      expect(report.value.items[0]).toMatchObject({ aKey: 'paris', kind: null });
      expect(report.value.items[0]!.bKey).toMatch(/^berlin/);
      expect(report.value.items[0]!.notes).toMatch(/^Conflict: paris is twinned exclusively with rome/);
      const shown = await cli(url, 'report', 'conflicts');
      expect(shown.out).toContain('1 links clash with an exclusive twinning');
    });
  });
}
