import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR } from '../../src/registry/policies/read-rules.js';
import { cli, cliJson } from '../support/cli.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';

type Rows = {
  proposed?: boolean;
  rows: { b: { key: string } | null; result: { rule: string; verdict: string } }[];
};

for (const dialect of DIALECTS) {
  describe(`twinning rules [${dialect}]`, () => {
    let url = '';
    let drop: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      expect((await cli(url, 'init')).code).toBe(0);
    });
    afterAll(async () => drop());

    it('lists the rules with their citations and the lists with their former citations', async () => {
      const { code, out } = await cli(url, 'rules', 'list');
      expect(code).toBe(0);
      expect(out).toContain("us-tx-hb-128  US-TX  law  Tex. Gov't Code ch. 795  from 2025-09-01");
      expect(out).toContain('(also cited as 15 CFR 7.4)');
    });

    it('checks a proposed link, and a bill only when a what-if enacts it', async () => {
      const { value } = await cliJson<Rows>(
        url,
        'rules',
        'check',
        'indianapolis',
        '--with',
        'xiangyang',
        '--as-of',
        '2024-07-01',
      );
      expect(value.proposed).toBe(true);
      expect(value.rows.map((r) => r.result.verdict)).toEqual(['prohibited']);
      const bill = await cliJson<Rows>(
        url,
        'rules',
        'check',
        'washington-dc',
        '--with',
        'xiangyang',
        '--as-of',
        '2026-01-01',
      );
      expect(bill.value.rows.map((r) => [r.result.rule, r.result.verdict])).toEqual([
        ['us-dc-sister-city-integrity-act', 'allowed'],
      ]);
      const enacted = await cliJson<Rows>(
        url,
        'rules',
        'check',
        'washington-dc',
        '--with',
        'xiangyang',
        '--as-of',
        '2026-01-01',
        '--enact',
        'us-dc-sister-city-integrity-act=2025-12-01',
      );
      expect(enacted.value.rows.map((r) => r.result.verdict)).toEqual(['allowed']);
    });

    it('reports a rule as CSV, and judges a changed rule from a file without touching the registry', async () => {
      const csv = await cli(
        url,
        'rules',
        'report',
        'au-foreign-relations-act-2020',
        '--as-of',
        '2021-05-01',
        '--format',
        'csv',
      );
      expect(csv.code).toBe(0);
      expect(csv.out.split('\n').filter((l) => l.includes(',cancelled,'))).toHaveLength(3);
      const dir = mkdtempSync(join(tmpdir(), 'twinning-rule-'));
      const changed = readFileSync(join(BUNDLED_RULES_DIR, 'us-in-hea-1120.yaml'), 'utf8').replace(
        'date: "2024-07-01"',
        'date: "2022-01-01"',
      );
      writeFileSync(join(dir, 'changed.yaml'), changed);
      const { value } = await cliJson<Rows>(
        url,
        'rules',
        'check',
        'indianapolis',
        '--with',
        'xiangyang',
        '--as-of',
        '2023-01-01',
        '--add',
        join(dir, 'changed.yaml'),
      );
      expect(value.rows.map((r) => r.result.verdict)).toEqual(['prohibited']);
    });

    it('names file:line and field for a broken rule file, and exits 2', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'twinning-rule-'));
      const broken = readFileSync(join(BUNDLED_RULES_DIR, 'us-tx-hb-128.yaml'), 'utf8').replace(
        'effect: must_end_by',
        'effect: must_end_soon',
      );
      writeFileSync(join(dir, 'broken.yaml'), broken);
      const line = broken.split('\n').findIndex((l) => l.includes('must_end_soon')) + 1;
      const { code, err } = await cli(
        url,
        'rules',
        'report',
        'us-tx-hb-128',
        '--add',
        join(dir, 'broken.yaml'),
      );
      expect(code).toBe(2);
      expect(err).toContain(`broken.yaml:${line}:`);
      expect(err).toContain('clauses[2].effect');
      expect((await cli(url, 'rules', 'report', 'us-tx-hb-128', '--as-of', '2025-13-01')).code).toBe(2);
      expect((await cli(url, 'rules', 'report', 'no-such-rule')).code).toBe(1);
    });
  });
}
