import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { tableCounts } from '../support/registry-snapshot.js';
import {
  buildLocality,
  call,
  errorOf,
  json,
  startTestApi,
  type TestApi,
  type TestTokens,
} from './api-harness.js';

type Who = 'anonymous' | 'badToken' | keyof TestTokens;
const EVERYONE: readonly Who[] = [
  'anonymous',
  'badToken',
  'revoked',
  'reader',
  'editorJP',
  'editorCoventry',
  'editorDE',
  'admin',
];

/** One write route, and who may use it on the places it touches. */
interface RouteCase {
  name: string;
  allowed: readonly Who[];
  /** Sends the request as a caller, reading fresh ids and ETags first so only permission can fail it. */
  send(token: string | undefined): Promise<LightMyRequestResponse>;
}

for (const dialect of DIALECTS) {
  describe(`HTTP API permission matrix [${dialect}]`, () => {
    let api: TestApi;
    const tokenOf = (who: Who): string | undefined =>
      who === 'anonymous' ? undefined : who === 'badToken' ? 'twn_not-a-real-token' : api.tokens[who];
    const asAdmin = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      call(api.app, method, url, { token: api.tokens.admin, body });
    const etag = async (url: string) => (await asAdmin('GET', url)).headers.etag as string;
    const linkBetween = async (a: string, b: string): Promise<number> => {
      const items = json<{ items: { id: number; a: { key: string }; b: { key: string } }[] }>(
        await asAdmin('GET', `/v1/links?locality=${a}&limit=500`),
      ).items;
      return items.find((l) => l.a.key === b || l.b.key === b)!.id;
    };
    let fresh = 0;
    /** A new German locality for a case that must not collide with the last attempt. */
    const newGermanPlace = async (): Promise<string> => {
      const key = `perm-${++fresh}`;
      const response = await asAdmin('POST', '/v1/localities', buildLocality({ key }));
      expect(response.statusCode).toBe(201);
      return key;
    };

    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    const cases = (): RouteCase[] => [
      {
        name: 'POST /v1/localities (in DE)',
        allowed: ['editorDE', 'admin'],
        send: (token) =>
          call(api.app, 'POST', '/v1/localities', { token, body: buildLocality({ key: `new-${++fresh}` }) }),
      },
      {
        name: 'POST /v1/localities (in GB)',
        allowed: ['admin'],
        send: (token) =>
          call(api.app, 'POST', '/v1/localities', {
            token,
            body: buildLocality({ key: `new-${++fresh}`, country: 'GB' }),
          }),
      },
      {
        name: 'PATCH /v1/localities/kiel (DE)',
        allowed: ['editorDE', 'admin'],
        send: async (token) =>
          call(api.app, 'PATCH', '/v1/localities/kiel', {
            token,
            body: { notes: `edited ${++fresh}` },
            ifMatch: await etag('/v1/localities/kiel'),
          }),
      },
      {
        name: 'PATCH /v1/localities/coventry (GB)',
        allowed: ['editorCoventry', 'admin'],
        send: async (token) =>
          call(api.app, 'PATCH', '/v1/localities/coventry', {
            token,
            body: { notes: `edited ${++fresh}` },
            ifMatch: await etag('/v1/localities/coventry'),
          }),
      },
      {
        name: 'PATCH /v1/localities/kiel moving it to FR',
        allowed: ['admin'],
        send: async (token) => {
          const response = await call(api.app, 'PATCH', '/v1/localities/kiel', {
            token,
            body: { country: 'FR' },
            ifMatch: await etag('/v1/localities/kiel'),
          });
          if (response.statusCode === 200) {
            await call(api.app, 'PATCH', '/v1/localities/kiel', {
              token: api.tokens.admin,
              body: { country: 'DE' },
              ifMatch: response.headers.etag as string,
            });
          }
          return response;
        },
      },
      {
        name: 'POST /v1/links (coventry–new DE place)',
        allowed: ['editorCoventry', 'editorDE', 'admin'],
        send: async (token) =>
          call(api.app, 'POST', '/v1/links', {
            token,
            body: { a: 'coventry', b: await newGermanPlace(), kind: 'twin_town' },
          }),
      },
      {
        name: 'POST /v1/links (edirne–new DE place)',
        allowed: ['editorDE', 'admin'],
        send: async (token) =>
          call(api.app, 'POST', '/v1/links', { token, body: { a: 'edirne', b: await newGermanPlace() } }),
      },
      {
        name: 'PATCH /v1/links/coventry–kiel',
        allowed: ['editorCoventry', 'editorDE', 'admin'],
        send: async (token) => {
          const id = await linkBetween('coventry', 'kiel');
          return call(api.app, 'PATCH', `/v1/links/${id}`, {
            token,
            body: { notes: `edited ${++fresh}` },
            ifMatch: await etag(`/v1/links/${id}`),
          });
        },
      },
      {
        name: 'PATCH /v1/links/edirne–haskovo (TR–BG)',
        allowed: ['admin'],
        send: async (token) => {
          const id = await linkBetween('edirne', 'haskovo');
          return call(api.app, 'PATCH', `/v1/links/${id}`, {
            token,
            body: { notes: `edited ${++fresh}` },
            ifMatch: await etag(`/v1/links/${id}`),
          });
        },
      },
      {
        name: 'POST /v1/links/coventry–dresden/events',
        allowed: ['editorCoventry', 'editorDE', 'admin'],
        send: async (token) => {
          const id = await linkBetween('coventry', 'dresden');
          return call(api.app, 'POST', `/v1/links/${id}/events`, {
            token,
            body: { type: 'renewed', notes: `renewal ${++fresh}` },
            ifMatch: await etag(`/v1/links/${id}`),
          });
        },
      },
      {
        name: 'POST /v1/links/tokyo-link/events',
        allowed: ['editorJP', 'admin'],
        send: async (token) => {
          const items = json<{ items: { id: number; status: string }[] }>(
            await asAdmin('GET', '/v1/links?country=JP&status=active&limit=1'),
          ).items;
          const id = items[0]!.id;
          return call(api.app, 'POST', `/v1/links/${id}/events`, {
            token,
            body: { type: 'renewed', notes: `renewal ${++fresh}` },
            ifMatch: await etag(`/v1/links/${id}`),
          });
        },
      },
      {
        name: 'POST /v1/localities/:key/merge (two DE places)',
        allowed: ['admin'],
        send: async (token) => {
          const kept = await newGermanPlace();
          const merged = await newGermanPlace();
          return call(api.app, 'POST', `/v1/localities/${kept}/merge`, {
            token,
            body: { source: merged, sourceVersion: 1 },
            ifMatch: 'W/"1"',
          });
        },
      },
    ];

    it('lets each write through only for the roles and scopes allowed, and writes nothing otherwise', async () => {
      const seen: string[] = [];
      for (const route of cases()) {
        for (const who of EVERYONE) {
          const before = await tableCounts(api.database.db);
          const auditBefore = await api.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          const response = await route.send(tokenOf(who));
          const label = `${route.name} as ${who}: ${response.body}`;
          if (route.allowed.includes(who)) {
            expect([200, 201], label).toContain(response.statusCode);
          } else {
            const expected = ['anonymous', 'badToken', 'revoked'].includes(who) ? 401 : 403;
            expect(response.statusCode, label).toBe(expected);
            expect(errorOf(response).code, label).toBe(expected === 401 ? 'Unauthorized' : 'Forbidden');
            const after = await tableCounts(api.database.db);
            // Cases that set up fresh places (as admin) before the attempt add exactly those.
            const auditAfter = await api.database.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow();
            const setUp = after.localities! - before.localities!;
            expect(Number(auditAfter.n) - Number(auditBefore.n), label).toBe(setUp);
            expect({ ...after, localities: 0, locality_names: 0 }, label).toEqual({
              ...before,
              localities: 0,
              locality_names: 0,
            });
          }
          seen.push(`${route.name}/${who}`);
        }
      }
      expect(seen).toHaveLength(cases().length * EVERYONE.length);
    });

    it('refuses reading audit trails without a token, and answers them for every role', async () => {
      expect((await call(api.app, 'GET', '/v1/localities/coventry/audit')).statusCode).toBe(401);
      expect((await call(api.app, 'GET', '/v1/audit/locality/1')).statusCode).toBe(401);
      for (const who of ['reader', 'editorJP', 'admin'] as const) {
        const response = await call(api.app, 'GET', '/v1/localities/coventry/audit', {
          token: api.tokens[who],
        });
        expect(response.statusCode).toBe(200);
      }
    });

    it('says who the token is', async () => {
      const me = await call(api.app, 'GET', '/v1/me', { token: api.tokens.editorCoventry });
      expect(json(me)).toEqual({
        authenticated: true,
        name: 'Coventry city office',
        role: 'editor',
        scopes: ['locality:coventry'],
      });
      expect((await call(api.app, 'GET', '/v1/me', { token: 'twn_wrong' })).statusCode).toBe(401);
    });

    it('checks the token before reading the body: a bad body from nobody is 401, from a reader 403', async () => {
      const junk = { nonsense: true };
      expect((await call(api.app, 'POST', '/v1/links', { body: junk })).statusCode).toBe(401);
      expect(
        (await call(api.app, 'POST', '/v1/links', { body: junk, token: api.tokens.reader })).statusCode,
      ).toBe(403);
      expect(
        (await call(api.app, 'POST', '/v1/links', { body: junk, token: api.tokens.editorDE })).statusCode,
      ).toBe(400);
    });
  });
}
