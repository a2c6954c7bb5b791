import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { buildLocality, call, json, startTestApi, type TestApi } from './api-harness.js';

/** An error body in the app's format: a code, a message, a request id, and nothing else but a field. */
function expectAppError(body: string, code: string): void {
  const parsed = JSON.parse(body) as { error: Record<string, unknown> };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(Object.keys(parsed.error).every((k) => ['code', 'message', 'field', 'requestId'].includes(k))).toBe(
    true,
  );
}

/** Sends raw bytes to a listening server and returns what it answers before closing. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.write(bytes);
  });
}

const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4);
const statusOfRaw = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);

for (const dialect of DIALECTS) {
  describe(`input at the edge: numbers, ids, enums [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it.each([
      ['/v1/links?limit=Infinity', 'query.limit'],
      ['/v1/links?limit=-Infinity', 'query.limit'],
      ['/v1/links?limit=1e309', 'query.limit'],
      ['/v1/links?limit=NaN', 'query.limit'],
      ['/v1/localities?limit=Infinity', 'query.limit'],
      ['/v1/localities/coventry/audit?limit=1e309', 'query.limit'],
      ['/v1/analytics/within?place=coventry&steps=Infinity', 'query.steps'],
      ['/v1/analytics/geography?runs=-Infinity', 'query.runs'],
      ['/v1/analytics/geography?runs=1e309', 'query.runs'],
      ['/v1/analytics/betweenness?seed=1e20', 'query.seed'],
      ['/v1/analytics/betweenness?seed=2147483648', 'query.seed'],
      ['/v1/analytics/partners?limit=Infinity', 'query.limit'],
      ['/v1/links/2147483648', 'params.id'],
      ['/v1/links/99999999999999999999', 'params.id'],
      ['/v1/links/2147483648/audit', 'params.id'],
      ['/v1/audit/link/99999999999', 'params.id'],
      [`/v1/links?cursor=${Buffer.from('after:99999999999').toString('base64url')}`, 'query.cursor'],
      ['/v1/analytics/partners?kind=bogus', 'query.kind'],
      ['/v1/analytics/summary?kind=twin_town,bogus', 'query.kind'],
      ['/v1/analytics/path?from=coventry&to=dresden&kind=bogus', 'query.kind'],
    ])('refuses %s with 400 naming %s', async (url, field) => {
      const response = await call(api.app, 'GET', url, { token: api.tokens.reader });
      expect(response.statusCode).toBe(400);
      expectAppError(response.body, 'InvalidInput');
      expect(json<{ error: { field: string } }>(response).error.field).toBe(field);
    });

    it('still accepts the largest 32-bit id and known kinds', async () => {
      expect((await call(api.app, 'GET', '/v1/links/2147483647')).statusCode).toBe(404);
      const kinds = await call(api.app, 'GET', '/v1/analytics/partners?kind=twin_town,sister_city');
      expect(kinds.statusCode).toBe(200);
    });

    it('refuses body numbers past their column or not numbers at all, and writes nothing', async () => {
      const before = json<{ localities: number }>(await call(api.app, 'GET', '/v1/summary')).localities;
      const bodies: Array<[string, string]> = [
        ['"population": 99999999999', 'population'],
        ['"population": 1e309', 'population'],
        ['"geonamesId": 2147483648', 'geonamesId'],
        ['"coordinates": {"lat": 1e309, "lon": 0}', 'coordinates.lat'],
        ['"coordinates": {"lat": null, "lon": 0}', 'coordinates.lat'],
        ['"coordinates": {"lat": "12", "lon": 0}', 'coordinates.lat'],
      ];
      for (const [extra, field] of bodies) {
        const base = JSON.stringify(buildLocality()).slice(0, -1);
        const response = await api.app.inject({
          method: 'POST',
          url: '/v1/localities',
          headers: { authorization: `Bearer ${api.tokens.admin}`, 'content-type': 'application/json' },
          payload: `${base}, ${extra}}`,
        });
        expect(response.statusCode, extra).toBe(400);
        expectAppError(response.body, 'InvalidInput');
        expect(json<{ error: { field: string } }>(response).error.field, extra).toBe(field);
      }
      const after = json<{ localities: number }>(await call(api.app, 'GET', '/v1/summary')).localities;
      expect(after).toBe(before);
    });

    it('does not quote an unknown path back', async () => {
      const path = `/v1/${'x'.repeat(4000)}`;
      const response = await call(api.app, 'GET', path);
      expect(response.statusCode).toBe(404);
      expectAppError(response.body, 'NotFound');
      expect(response.body).not.toContain('xxxxxxxx');
    });
  });
}

describe('Node and Fastify refusals in the app format, over a real socket', () => {
  let api: TestApi;
  let port: number;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    port = (api.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => api.close());

  const cases: Array<[string, () => string, number, string]> = [
    [
      'a header past 16 KB (431)',
      () => `GET /health HTTP/1.1\r\nHost: a\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
      431,
      'HeadersTooLarge',
    ],
    ['a request line that is not HTTP (400)', () => 'GARBAGE\r\n\r\n', 400, 'InvalidInput'],
    [
      'a bad Content-Length (400)',
      () => 'GET /health HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n',
      400,
      'InvalidInput',
    ],
    [
      'an unknown method (400)',
      () => 'FOO /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
      400,
      'InvalidInput',
    ],
    [
      'a path segment of 8 KB (414)',
      () => `GET /v1/localities/${'a'.repeat(8000)} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`,
      414,
      'UriTooLong',
    ],
    [
      'a bad percent-encoding (400)',
      () => 'GET /v1/localities/%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
      400,
      'InvalidInput',
    ],
  ];
  it.each(cases)('answers %s', async (_name, request, status, code) => {
    const raw = await rawRequest(port, request());
    expect(statusOfRaw(raw)).toBe(status);
    expectAppError(bodyOf(raw), code);
    expect(raw).not.toContain('xxxxxxxxxx');
    expect(raw).not.toContain('aaaaaaaaaa');
    expect(raw).not.toMatch(/"statusCode"|Client Error|FST_ERR_BAD_URL/);
  });

  it('answers a body of the wrong media type with 415 in the app format', async () => {
    const body = 'x';
    const raw = await rawRequest(
      port,
      `POST /v1/localities HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Type: application/xml\r\n` +
        `Authorization: Bearer ${api.tokens.admin}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(statusOfRaw(raw)).toBe(415);
    expectAppError(bodyOf(raw), 'UnsupportedMediaType');
  });
});
