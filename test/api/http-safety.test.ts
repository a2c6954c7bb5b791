import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

for (const dialect of DIALECTS) {
  describe(`HTTP safety: headers, request ids, errors, limits, CORS [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, { corsOrigins: ['https://maps.example.org'] });
    });
    afterAll(async () => api.close());

    it('sends security headers on every response: an API answer the four of OWASP’s REST list, a page helmet’s set', async () => {
      for (const url of ['/v1/localities/coventry', '/v1/nothing', '/v1/links?limit=Infinity']) {
        const { headers } = await call(api.app, 'GET', url);
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['x-frame-options']).toBe('DENY');
        expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(headers['strict-transport-security']).toMatch(/max-age=/);
        expect(headers['referrer-policy']).toBeUndefined();
      }
      for (const url of ['/docs/', '/nothing']) {
        const { headers } = await call(api.app, 'GET', url);
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(headers['content-security-policy']).toContain("default-src 'self'");
        expect(headers['strict-transport-security']).toMatch(/max-age=/);
        expect(headers['referrer-policy']).toBe('no-referrer');
      }
    });

    it('gives every response a request id, keeping a safe one the client sent', async () => {
      const mine = await call(api.app, 'GET', '/v1/summary', {
        headers: { 'x-request-id': 'client-abc.123' },
      });
      expect(mine.headers['x-request-id']).toBe('client-abc.123');
      const unsafe = await call(api.app, 'GET', '/v1/nothing', { headers: { 'x-request-id': '<script>' } });
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(errorOf(unsafe)).toMatchObject({ code: 'NotFound' });
      expect(json<{ error: { requestId: string } }>(unsafe).error.requestId).toBe(
        unsafe.headers['x-request-id'],
      );
    });

    it('allows CORS from the configured origin only', async () => {
      const preflight = (origin: string) =>
        api.app.inject({
          method: 'OPTIONS',
          url: '/v1/links/1',
          headers: {
            origin,
            'access-control-request-method': 'PATCH',
            'access-control-request-headers': 'if-match',
          },
        });
      const ok = await preflight('https://maps.example.org');
      expect(ok.headers['access-control-allow-origin']).toBe('https://maps.example.org');
      expect(String(ok.headers['access-control-allow-headers'])).toMatch(/If-Match/i);
      expect(
        (await preflight('https://evil.example')).headers['access-control-allow-origin'],
      ).toBeUndefined();
      const read = await call(api.app, 'GET', '/v1/summary', {
        headers: { origin: 'https://maps.example.org' },
      });
      expect(String(read.headers['access-control-expose-headers'])).toMatch(/ETag/);
    });

    it('publishes an OpenAPI 3.1 document of every route, built from the same schemas', async () => {
      const doc = json<{
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
      }>(await call(api.app, 'GET', '/openapi.json'));
      expect(doc.openapi).toBe('3.1.0');
      const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m} ${path}`),
      );
      expect(routes.sort()).toEqual(
        [
          'get /health',
          'get /v1/analytics/path',
          'get /v1/analytics/within',
          'get /v1/analytics/{study}',
          'get /v1/me',
          'get /v1/localities',
          'post /v1/localities',
          'get /v1/localities/{key}',
          'patch /v1/localities/{key}',
          'get /v1/localities/{key}/audit',
          'get /v1/localities/{key}/suggestions',
          'post /v1/localities/{key}/merge',
          'get /v1/links',
          'post /v1/links',
          'get /v1/links/{id}',
          'patch /v1/links/{id}',
          'get /v1/links/{id}/audit',
          'post /v1/links/{id}/events',
          'get /v1/associations',
          'get /v1/associations/{key}',
          'get /v1/terms',
          'get /v1/summary',
          'get /v1/audit/{entityType}/{id}',
          'get /v1/rules',
          'get /v1/rules/lists',
          'get /v1/rules/{id}',
          'get /v1/rules/{id}/report',
          'get /v1/rules/check/localities/{key}',
          'get /v1/rules/check/links/{id}',
          'get /v1/rules/check/pair',
        ].sort(),
      );
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining(['ErrorBody', 'Locality', 'Link', 'EventInput']),
      );
      expect(doc.components.securitySchemes).toHaveProperty('bearer');
      expect(Object.keys(doc.paths['/v1/links/{id}']!.patch!.responses).sort()).toEqual(
        ['200', '400', '401', '403', '404', '409', '413', '415', '428', '429'].sort(),
      );
    });

    it('serves the documentation page and its assets itself, with nothing from elsewhere', async () => {
      const page = await call(api.app, 'GET', '/docs/');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        expect(asset, asset).not.toMatch(/^(https?:)?\/\//);
        const url = new URL(asset, 'http://local/docs/').pathname;
        expect((await call(api.app, 'GET', url)).statusCode, url).toBe(200);
      }
    });
  });

  describe(`HTTP safety: rate limit [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, { rateLimit: { max: 3, windowMs: 60_000 } });
    });
    afterAll(async () => api.close());

    it('answers 429 with Retry-After once a client passes the limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await call(api.app, 'GET', '/v1/summary')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await call(api.app, 'GET', '/v1/summary');
      expect(errorOf(limited)).toMatchObject({ code: 'RateLimited' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe(`HTTP safety: internal errors [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it('answers a failure inside with a bare 500 that shows no internals', async () => {
      await api.database.db.schema.dropTable('terms').execute();
      const response = await call(api.app, 'GET', '/v1/terms');
      expect(response.statusCode).toBe(500);
      const error = errorOf(response);
      expect(error).toEqual({
        code: 'Internal',
        message: 'an internal error occurred; quote the request id when reporting it',
        requestId: expect.any(String),
      });
      expect(response.body).not.toMatch(/terms|sqlite|SELECT|at \w+ \(/i);
      await api.database.close();
      const health = await call(api.app, 'GET', '/health');
      expect(health.statusCode).toBe(503);
      expect(errorOf(health)).toMatchObject({ code: 'SourceUnavailable' });
    });
  });
}
