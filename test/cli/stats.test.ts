import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalityRank } from '../../src/analysis/rankings.js';
import type { NetworkSummary } from '../../src/analysis/summary.js';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { addLink } from '../../src/registry/link/insert-checked.js';
import type { PlaceStep } from '../../src/registry/network/paths.js';
import type { StudyResult } from '../../src/registry/network/studies.js';
import { openDatabase } from '../../src/store/database.js';
import { localityIdsByKey } from '../../src/store/locality.repository.js';
import { sourceIdsByKey } from '../../src/store/source.repository.js';
import { cli, cliJson } from '../support/cli.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';

/** The edges of a TSV edge list, each as "a|b" with the two keys sorted. */
function edgesOf(tsv: string): Set<string> {
  return new Set(
    tsv
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#') && line.includes('\t'))
      .map((line) => line.split('\t').sort().join('|')),
  );
}

for (const dialect of DIALECTS) {
  describe(`twinning stats and export graph [${dialect}]`, () => {
    let url = '';
    let drop: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      expect((await cli(url, 'init')).code).toBe(0);
    });
    afterAll(async () => drop());

    it('computes the summary on exactly the edge list that export graph writes', async () => {
      const { code, value } = await cliJson<StudyResult>(url, 'stats', 'summary');
      expect(code).toBe(0);
      const summary = value.result as NetworkSummary;
      const tsv = (await cli(url, 'export', 'graph')).out;
      const edges = edgesOf(tsv);
      expect(summary.edges).toBe(edges.size);
      expect(summary.nodes).toBe(new Set([...edges].flatMap((e) => e.split('|'))).size);
      // Links no longer in force are not part of today's network; those only explored never were.
      expect(edges).toContain('coventry|kiel');
      expect(edges).not.toContain('coventry|volgograd');
      expect(edges).not.toContain('coventry|mariupol');
      expect(edges).not.toContain('edirne|haskovo');
      expect(summary.maxDegree).toBe(11);
    });

    it('selects the network at a date, by kind and by country', async () => {
      const in1950 = edgesOf((await cli(url, 'export', 'graph', '--as-of', '1950')).out);
      expect(in1950).toContain('coventry|kiel');
      expect(in1950).toContain('coventry|volgograd');
      expect(in1950).not.toContain('coventry|dresden');
      const policy = edgesOf((await cli(url, 'export', 'graph', '--kind', 'policy_agreement')).out);
      expect([...policy].sort()).toEqual(['alberta|missouri', 'alberta|nevada', 'alberta|texas']);
      const japan = edgesOf((await cli(url, 'export', 'graph', '--country', 'jp')).out);
      expect(japan.size).toBeGreaterThan(0);
      expect(
        [...japan].every((e) => /osaka|nagoya|hokkaido|tokyo|nerima|neyagawa|higashiosaka/.test(e)),
      ).toBe(true);
      const graphml = await cli(url, 'export', 'graph', '--format', 'graphml', '--kind', 'policy_agreement');
      expect(graphml.out).toContain('<edge source="alberta" target="missouri"/>');
    });

    it('ranks Alberta first by partners, and finds chains and neighbourhoods of active links', async () => {
      const top = await cliJson<StudyResult>(url, 'stats', 'partners', '--limit', '1');
      expect(top.value.result).toEqual([
        expect.objectContaining({ key: 'alberta', value: 11 }) as LocalityRank,
      ]);
      const chain = await cliJson<PlaceStep[]>(url, 'stats', 'path', 'Kiel', 'Belgrade');
      expect(chain.value.map((p) => p.key)).toEqual(['kiel', 'coventry', 'belgrade']);
      const near = await cliJson<PlaceStep[]>(url, 'stats', 'within', 'Coventry', '--steps', '1');
      expect(near.value.map((p) => p.key).sort()).toEqual(['belgrade', 'dresden', 'kiel']);
      const none = await cli(url, 'stats', 'path', 'Kiel', 'Ankh-Morpork');
      expect(none.code).toBe(1);
    });

    it('counts endings per year with their causes', async () => {
      const time = await cliJson<StudyResult>(url, 'stats', 'time');
      const endings = (time.value.result as { endings: { year: number; causes: { cause: string }[] }[] })
        .endings;
      const in2016 = endings.find((e) => e.year === 2016);
      expect(in2016?.causes.map((c) => c.cause).join(' ')).toMatch(/Armenian genocide/);
      expect(endings.some((e) => e.year === 2022)).toBe(true);
    });

    it('keeps a result per data version and recomputes it when the data changes', async () => {
      const first = await cliJson<StudyResult>(url, 'stats', 'countries', '--limit', '3');
      const again = await cliJson<StudyResult>(url, 'stats', 'countries', '--limit', '3');
      expect(again.value).toMatchObject({
        cached: true,
        version: first.value.version,
        result: first.value.result,
      });
      const database = openDatabase(url);
      const ids = await localityIdsByKey(database.db, ['kiel', 'tashkent']);
      await database.db.transaction().execute(async (trx) =>
        addLink(
          trx,
          {
            aKey: 'kiel',
            bKey: 'tashkent',
            purposes: [],
            exclusive: false,
            citations: [],
            events: [{ type: 'agreement_signed', date: parsePartialDate('2025'), citations: [] }],
          },
          { aId: ids.get('kiel')!, bId: ids.get('tashkent')! },
          await sourceIdsByKey(trx),
          parsePartialDate('2026-01-01'),
        ),
      );
      await database.close();
      const after = await cliJson<StudyResult>(url, 'stats', 'countries', '--limit', '3');
      expect(after.value.cached).toBe(false);
      expect(after.value.version).not.toBe(first.value.version);
      expect(after.value.network.links).toBe(first.value.network.links + 1);
    });

    it('rejects bad options with exit 2 naming them', async () => {
      const badDate = await cli(url, 'stats', 'summary', '--as-of', '2022-13-01');
      expect(badDate).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--as-of: "2022-13-01" has month 13/) as string,
      });
      const badSteps = await cli(url, 'stats', 'within', 'Coventry', '--steps', '0');
      expect(badSteps).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--steps: must be a positive whole number/) as string,
      });
      const badFormat = await cli(url, 'export', 'graph', '--format', 'dot');
      expect(badFormat.code).toBe(2);
      const badCountry = await cli(url, 'stats', 'summary', '--country', 'Narnia');
      expect(badCountry).toMatchObject({ code: 2, err: expect.stringMatching(/--country/) as string });
    });
  });
}
