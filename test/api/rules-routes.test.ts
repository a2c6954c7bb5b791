import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/registry-snapshot.js';
import { DIALECTS } from '../support/databases.js';
import { call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

type Check = {
  proposed: boolean;
  rows: {
    b: { key: string } | null;
    result: { rule: string; verdict: string; citation: string; trace: { cite: string[] }[] };
  }[];
};

for (const dialect of DIALECTS) {
  describe(`HTTP API rules [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());
    const get = (url: string) => call(api.app, 'GET', url, { token: api.tokens.reader });

    it('lists the rules and their country lists, a renumbered citation among the aliases', async () => {
      const rules = json<{ id: string; citation: string }[]>(await get('/v1/rules'));
      expect(rules.map((r) => r.id)).toContain('us-tx-hb-128');
      const lists = json<{ id: string; aliases: string[] }[]>(await get('/v1/rules/lists'));
      expect(lists.find((l) => l.id === 'us-15-cfr-791-4')?.aliases).toEqual(['15 CFR 7.4']);
      const one = await get('/v1/rules/us-in-hea-1120');
      expect(json<{ interpretations: unknown[] }>(one).interpretations).toHaveLength(1);
      expect((await get('/v1/rules/no-such-rule')).statusCode).toBe(404);
    });

    it('judges a proposed Indiana–China link: prohibited on 2024-07-01 with the citation, allowed on 2023-01-01', async () => {
      const late = json<Check>(await get('/v1/rules/check/pair?a=indianapolis&b=xiangyang&asOf=2024-07-01'));
      expect(late.proposed).toBe(true);
      expect(late.rows.map((r) => [r.result.rule, r.result.verdict, r.result.citation])).toEqual([
        ['us-in-hea-1120', 'prohibited', 'Indiana HEA 1120 (2024)'],
      ]);
      expect(late.rows[0]!.result.trace.some((t) => t.cite.length > 0)).toBe(true);
      const early = json<Check>(await get('/v1/rules/check/pair?a=indianapolis&b=xiangyang&asOf=2023-01-01'));
      expect(early.rows.map((r) => r.result.verdict)).toEqual(['allowed']);
      const without = json<Check>(
        await get('/v1/rules/check/pair?a=indianapolis&b=xiangyang&asOf=2024-07-01&without=us-in-hea-1120'),
      );
      expect(without.rows).toEqual([]);
      expect((await get('/v1/rules/check/pair?a=indianapolis&b=xiangyang&asOf=2024-13-01')).statusCode).toBe(
        400,
      );
    });

    it("reports Victoria's arrangements as cancelled, as JSON and as CSV", async () => {
      const checked = json<Check>(await get('/v1/rules/check/localities/victoria?asOf=2021-05-01'));
      expect(checked.rows.map((r) => [r.b?.key, r.result.verdict])).toEqual([
        ['china', 'cancelled'],
        ['iran', 'cancelled'],
        ['syria', 'cancelled'],
      ]);
      const csv = await get('/v1/rules/au-foreign-relations-act-2020/report?asOf=2021-05-01&format=csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.trim().split('\n');
      expect(lines[0]).toContain('verdict');
      expect(lines.filter((l) => l.includes(',cancelled,'))).toHaveLength(3);
    });

    it('refuses a new link a rule in force prohibits forming, with the rule and citation, and writes nothing', async () => {
      const before = await tableCounts(api.database.db);
      const response = await call(api.app, 'POST', '/v1/links', {
        token: api.tokens.admin,
        body: {
          a: 'indianapolis',
          b: 'xiangyang',
          kind: 'sister_city',
          events: [{ type: 'agreement_signed', date: '2025-03-01' }],
        },
      });
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response)).toMatchObject({ code: 'RuleProhibits' });
      expect(errorOf(response).message).toContain('Indiana HEA 1120 (2024)');
      expect(await tableCounts(api.database.db)).toEqual(before);
    });

    it('creates a link that a rule only asks to notify, and says so in a header', async () => {
      const response = await call(api.app, 'POST', '/v1/links', {
        token: api.tokens.admin,
        body: {
          a: 'victoria',
          b: 'tokyo',
          kind: 'sister_province_or_state',
          events: [{ type: 'agreement_signed', date: '2026-01-05' }],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers['twinning-rule-verdicts']).toBe('au-foreign-relations-act-2020=must_notify');
    });
  });
}
