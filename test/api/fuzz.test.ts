import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { json, startTestApi, type TestApi } from './api-harness.js';

/** Requests per dialect; the campaign's floor is 5,000 per CI run. */
const REQUESTS = 5200;
const SEED = 12_012;

interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: string }>;
  bodyFields: string[];
}

/** Every operation the OpenAPI document lists, with its parameters and body fields. */
function operationsOf(doc: {
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown }>
  >;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = JSON.stringify(op.requestBody ?? {});
      const bodyFields = [...body.matchAll(/"properties":\{"([^"]+)"/g)].map((m) => m[1]!);
      const named = [...body.matchAll(/"([A-Za-z]+)":\{"(?:type|anyOf|enum|\$ref|items)"/g)].map(
        (m) => m[1]!,
      );
      return {
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        bodyFields: [...new Set([...bodyFields, ...named])],
      };
    }),
  );
}

/** Values an attacker would try in any slot: edge numbers, odd text, encodings, long strings. */
const hostileText = fc.oneof(
  fc.constantFrom(
    'Infinity',
    '-Infinity',
    'NaN',
    '1e309',
    '-1e309',
    '2147483648',
    '99999999999999999999',
    '-1',
    '0',
    '1.5',
    '',
    ' ',
    'null',
    'true',
    '[]',
    '{}',
    '%00',
    '%zz',
    '\u0000',
    '../../etc/passwd',
    "' or 1=1 --",
    '<script>',
    'coventry',
    'volgograd',
    'twin_town',
    'sister_city',
    'bogus',
    'DE',
    'GB',
    'xx',
    '1956',
    '1956-13',
    '2020-02-30',
    'summary',
    'geography',
    'csv',
    'geojson',
    'graphml',
    'json',
    'link',
    'locality',
    'a,b,,c',
    'é',
    '𝒳',
    'Ω'.repeat(300),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ minLength: 1000, maxLength: 5000 }),
);

const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      2147483648,
      1e308,
      -1e308,
      1.5,
      '',
      'x',
      'coventry',
      'twin_town',
      '\u0000',
    ),
    fc.string({ maxLength: 30 }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function requestArbitrary(operations: Operation[], tokens: string[]) {
  return fc
    .record({
      op: fc.constantFrom(...operations),
      slot: fc.array(hostileText, { minLength: 8, maxLength: 8 }),
      useParams: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 10 }), hostileText), { nil: undefined }),
      body: fc.option(
        fc.oneof(
          hostileJson,
          fc.array(fc.tuple(fc.nat(20), hostileJson), { maxLength: 6 }),
          fc.string({ maxLength: 200 }),
        ),
        { nil: undefined },
      ),
      token: fc.constantFrom(undefined, 'garbage', ...tokens),
      ifMatch: fc.constantFrom(undefined, 'W/"1"', '*', 'W/"99999999999"', '"x"', 'W/"Infinity"'),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/xml', undefined),
    })
    .map(({ op, slot, useParams, extraQuery, body, token, ifMatch, contentType }) => {
      let path = op.path;
      const query = new URLSearchParams();
      op.params.forEach((p, i) => {
        const value = slot[i % slot.length]!;
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
        else if (p.in === 'query' && useParams[i % useParams.length]) query.append(p.name, value);
      });
      if (extraQuery) query.append(...extraQuery);
      let payload: string | undefined;
      if (body !== undefined && op.method !== 'GET') {
        if (
          Array.isArray(body) &&
          body.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'number')
        ) {
          // An object of the operation's own field names, hostile values.
          const fields = op.bodyFields.length > 0 ? op.bodyFields : ['x'];
          payload = JSON.stringify(
            Object.fromEntries(
              (body as Array<[number, unknown]>).map(([i, v]) => [fields[i % fields.length]!, v]),
            ),
          );
        } else payload = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const headers: Record<string, string> = {};
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      if (payload !== undefined && contentType !== undefined) headers['content-type'] = contentType;
      const qs = query.toString();
      return { method: op.method, url: qs ? `${path}?${qs}` : path, headers, payload };
    });
}

for (const dialect of DIALECTS) {
  describe(`fuzzing every route [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, { rateLimit: { max: 1_000_000, windowMs: 60_000 } });
    });
    afterAll(async () => api.close());

    it(`answers ${REQUESTS} hostile requests with no 5xx and every error in the app's format`, async () => {
      const doc = json<Parameters<typeof operationsOf>[0]>(await api.app.inject({ url: '/openapi.json' }));
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThanOrEqual(20);
      const { admin, reader, editorDE } = api.tokens;
      let sent = 0;
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operations, [admin, reader, editorDE]), async (request) => {
          sent++;
          const response = await api.app.inject({
            method: request.method as 'GET',
            url: request.url,
            headers: request.headers,
            ...(request.payload !== undefined && { payload: request.payload }),
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const where = `${request.method} ${request.url.slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (response.statusCode >= 400) {
            const body = JSON.parse(response.body) as { error?: Record<string, unknown> };
            expect(Object.keys(body), where).toEqual(['error']);
            expect(body.error, where).toMatchObject({
              code: expect.any(String),
              message: expect.any(String),
              requestId: expect.any(String),
            });
          }
        }),
        { seed: SEED, numRuns: REQUESTS, endOnFailure: true },
      );
      expect(sent).toBeGreaterThanOrEqual(5000);
      // The campaign reached past validation: some requests succeeded and some were refused.
      expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    }, 600_000);
  });
}
