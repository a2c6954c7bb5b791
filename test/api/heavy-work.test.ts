import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { addGeneratedNetwork } from '../support/large-network.js';
import { call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

/** The heaviest study there is, the null model of geography, at a size that takes seconds here. */
const HEAVY_STUDY = '/v1/analytics/geography?runs=30&seed=7';
/** The same at its largest: seconds on 3,000 links, several times that on the bounded tests' 9,000. */
const HEAVIEST_STUDY = '/v1/analytics/geography?runs=500&seed=7';

for (const dialect of DIALECTS) {
  describe(`heavy work off the event loop [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, { readCacheEntries: 0 });
      await addGeneratedNetwork(api.database.db, { nodes: 1500, links: 3000 });
    }, 120_000);
    afterAll(async () => api.close());

    it('answers /health within 200 ms (p99) while the heaviest study, betweenness and an export run', async () => {
      // A started server: the app ready (its first request compiles the routes) and a heavy-work thread up.
      expect((await call(api.app, 'GET', '/v1/analytics/countries?kind=sister_city')).statusCode).toBe(200);
      let done = false;
      const heavy = Promise.all([
        call(api.app, 'GET', HEAVY_STUDY),
        call(api.app, 'GET', '/v1/analytics/betweenness?seed=3'),
        call(api.app, 'GET', '/v1/links?format=geojson'),
      ]).finally(() => (done = true));
      const latencies: number[] = [];
      const started = performance.now();
      while (!done) {
        const at = performance.now();
        const health = await call(api.app, 'GET', '/health');
        latencies.push(performance.now() - at);
        expect(health.statusCode).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const elapsed = performance.now() - started;
      const responses = await heavy;
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(json<{ features: unknown[] }>(responses[2]!).features.length).toBeGreaterThan(3000);
      // The heavy work took long enough for the samples to mean something.
      expect(elapsed).toBeGreaterThan(500);
      expect(latencies.length).toBeGreaterThan(10);
      const p99 = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.99)]!;
      expect(p99).toBeLessThan(200);
    }, 120_000);
  });

  describe(`heavy work is bounded [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, {
        readCacheEntries: 0,
        heavyWork: { threads: 1, queueLimit: 0, budgetMs: 5000, heapMb: 256 },
      });
      // Three times the links of the other tests' network: the heaviest study must overrun the 5 s budget with
      // room on a quiet machine (on 3,000 links it once finished inside it, on a fresh clone with nothing else
      // running), while the quick studies these tests also send stay well inside it.
      await addGeneratedNetwork(api.database.db, { nodes: 3000, links: 9000 });
    }, 120_000);
    afterAll(async () => api.close());

    it('answers 503 with Retry-After when no thread is free and the queue is full', async () => {
      const warm = await call(api.app, 'GET', '/v1/analytics/countries');
      expect(warm.statusCode).toBe(200); // a thread started
      const [first, second] = await Promise.all([
        call(api.app, 'GET', '/v1/analytics/partners?seed=11'),
        call(api.app, 'GET', '/v1/analytics/partners?seed=12'),
      ]);
      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(503);
      expect(errorOf(second).code).toBe('Overloaded');
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    }, 60_000);

    it('runs chains and places within reach on the worker threads too (503 when none is free)', async () => {
      for (const url of [
        '/v1/analytics/path?from=coventry&to=kiel',
        '/v1/analytics/within?place=coventry&steps=2',
      ]) {
        const [study, busy] = await Promise.all([
          call(api.app, 'GET', '/v1/analytics/partners?seed=13'),
          call(api.app, 'GET', url),
        ]);
        expect(study.statusCode).toBe(200);
        expect(busy.statusCode, url).toBe(503);
        expect(errorOf(busy).code).toBe('Overloaded');
        const free = await call(api.app, 'GET', url);
        expect(free.statusCode, url).toBe(200);
        expect(json<{ key: string }[]>(free).length, url).toBeGreaterThan(1);
      }
    }, 60_000);

    it('stops a study past its time budget with 503, and the next request is served', async () => {
      const slow = await call(api.app, 'GET', HEAVIEST_STUDY);
      expect(slow.statusCode).toBe(503);
      expect(errorOf(slow)).toMatchObject({
        code: 'Overloaded',
        message: expect.stringMatching(/longer than/),
      });
      expect(Number(slow.headers['retry-after'])).toBeGreaterThan(0);
      const next = await call(api.app, 'GET', '/v1/analytics/countries');
      expect(next.statusCode).toBe(200);
    }, 60_000);

    it('keeps domain errors from the worker as 4xx', async () => {
      const response = await call(api.app, 'GET', '/v1/analytics/summary?asOf=2020-13');
      expect(response.statusCode).toBe(400);
    });
  });

  describe(`the rate limit weighs heavy requests [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, { rateLimit: { max: 20, windowMs: 60_000 }, heavyRequestCost: 10 });
    });
    afterAll(async () => api.close());

    it('allows max / cost studies and exports, and still the cheap reads', async () => {
      const studies = [];
      for (let seed = 1; seed <= 3; seed++) {
        studies.push((await call(api.app, 'GET', `/v1/analytics/partners?seed=${seed}`)).statusCode);
      }
      expect(studies).toEqual([200, 200, 429]);
      const exports = [];
      for (let i = 0; i < 3; i++)
        exports.push((await call(api.app, 'GET', '/v1/links?format=csv')).statusCode);
      expect(exports).toEqual([200, 200, 429]);
      expect((await call(api.app, 'GET', '/v1/links?limit=5')).statusCode).toBe(200);
      expect((await call(api.app, 'GET', '/v1/localities/coventry')).statusCode).toBe(200);
    });
  });
}
