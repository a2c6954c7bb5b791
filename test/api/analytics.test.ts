import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../src/analysis/summary.js';
import { DIALECTS } from '../support/databases.js';
import { call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

for (const dialect of DIALECTS) {
  describe(`analytics routes [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it('serves the summary of the network in force, the same as the CLI computes', async () => {
      const response = await call(api.app, 'GET', '/v1/analytics/summary');
      expect(response.statusCode).toBe(200);
      const body = json<{ network: { links: number }; result: NetworkSummary }>(response);
      expect(body.result.edges).toBe(body.network.links);
      expect(body.result.maxDegree).toBe(11);
      const in1950 = json<{ network: { links: number } }>(
        await call(api.app, 'GET', '/v1/analytics/summary?asOf=1950'),
      );
      expect(in1950.network.links).toBeLessThan(body.network.links);
    });

    it('ranks, filters and answers chains', async () => {
      const partners = json<{ result: { key: string; value: number }[] }>(
        await call(
          api.app,
          'GET',
          '/v1/analytics/partners?limit=2&kind=sister_province_or_state,policy_agreement',
        ),
      );
      expect(partners.result[0]).toMatchObject({ key: 'alberta', value: 11 });
      const chain = json<{ key: string }[]>(
        await call(api.app, 'GET', '/v1/analytics/path?from=kiel&to=belgrade'),
      );
      expect(chain.map((p) => p.key)).toEqual(['kiel', 'coventry', 'belgrade']);
      const near = json<{ key: string; steps: number }[]>(
        await call(api.app, 'GET', '/v1/analytics/within?place=coventry&steps=1'),
      );
      expect(near.map((p) => p.key).sort()).toEqual(['belgrade', 'dresden', 'kiel']);
    });

    it('refuses bad input with 400 naming the field, and unknown places with 404', async () => {
      const badDate = await call(api.app, 'GET', '/v1/analytics/summary?asOf=2022-13-01');
      expect(badDate.statusCode).toBe(400);
      expect(errorOf(badDate).field).toBe('query.asOf');
      const badCountry = await call(api.app, 'GET', '/v1/analytics/countries?country=ZZ');
      expect(badCountry.statusCode).toBe(400);
      expect(errorOf(badCountry).field).toBe('query.country');
      expect((await call(api.app, 'GET', '/v1/analytics/nonsense')).statusCode).toBe(400);
      const unknown = await call(api.app, 'GET', '/v1/analytics/path?from=kiel&to=atlantis');
      expect(unknown.statusCode).toBe(404);
      expect(errorOf(unknown).field).toBe('query.to');
    });

    it('is described in the OpenAPI document', async () => {
      const doc = json<{ paths: Record<string, unknown> }>(await call(api.app, 'GET', '/openapi.json'));
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/v1/analytics/{study}', '/v1/analytics/path', '/v1/analytics/within']),
      );
    });
  });
}
