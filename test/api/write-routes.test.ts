import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { tableCounts } from '../support/registry-snapshot.js';
import { buildLocality, call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

interface Locality {
  key: string;
  country: string | null;
  notes: string | null;
  names: { name: string; lang: string; primary: boolean }[];
  version: number;
}
interface Link {
  id: number;
  kind: string | null;
  status: string;
  notes: string | null;
  version: number;
  events: { type: string; date: string | null }[];
}
interface AuditItem {
  action: string;
  actor: { name: string; role: string; tokenId: number | null };
  version: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Strings that break naive code: quotes, SQL, markup, right-to-left text, emoji, a lone backslash. */
const HOSTILE = [
  `O'Brien "the" Town`,
  `'); DROP TABLE localities; --`,
  `<script>alert("x")</script>`,
  `Robert"); DELETE FROM links WHERE ("1"="1`,
  `${'\\'}%_ LIKE '%'`,
  `مدينة ‮evil‬ 🏙️`,
];

for (const dialect of DIALECTS) {
  describe(`HTTP API writes [${dialect}]`, () => {
    let api: TestApi;
    let admin: string;
    const post = (url: string, body: unknown, token = admin, ifMatch?: string) =>
      call(api.app, 'POST', url, { token, body, ifMatch });
    const patch = (url: string, body: unknown, ifMatch?: string, token = admin) =>
      call(api.app, 'PATCH', url, { token, body, ifMatch });
    const get = (url: string, token = admin) => call(api.app, 'GET', url, { token });
    const audit = async (url: string) => json<{ items: AuditItem[] }>(await get(url)).items;
    /** The body of a response that must be 201 Created. */
    const created = <T>(response: Awaited<ReturnType<typeof post>>): T => {
      expect(response.statusCode, response.body).toBe(201);
      return json<T>(response);
    };

    beforeAll(async () => {
      api = await startTestApi(dialect);
      admin = api.tokens.admin;
    });
    afterAll(async () => api.close());

    describe('localities', () => {
      it('creates a locality with 201, its ETag and Location, and an audit row naming who', async () => {
        const body = buildLocality({ key: 'neustadt-test', population: 12_000, notes: 'a test town' });
        const response = await post('/v1/localities', body);
        expect(response.statusCode, response.body).toBe(201);
        expect(response.headers.etag).toBe('W/"1"');
        expect(response.headers.location).toBe('/v1/localities/neustadt-test');
        expect(json<Locality>(response)).toMatchObject({ key: 'neustadt-test', country: 'DE', version: 1 });
        const trail = await audit('/v1/localities/neustadt-test/audit');
        expect(trail).toHaveLength(1);
        expect(trail[0]).toMatchObject({
          action: 'create',
          actor: { name: 'registry admin', role: 'admin' },
          version: 1,
          before: null,
          after: { key: 'neustadt-test', population: 12_000 },
        });
      });

      it('stores names full of quotes, SQL and markup verbatim, and finds them by their words', async () => {
        const names = HOSTILE.map((name, i) => ({ name, lang: 'en', primary: i === 0 }));
        const response = await post(
          '/v1/localities',
          buildLocality({ key: 'hostile', names, notes: HOSTILE.join('\n') }),
        );
        expect(response.statusCode, response.body).toBe(201);
        const stored = json<{ locality: Locality }>(await get('/v1/localities/hostile')).locality;
        expect(stored.names.map((n) => n.name)).toEqual(HOSTILE);
        expect(stored.notes).toBe(HOSTILE.join('\n'));
        const search = json<{ items: { key: string; matched: string }[] }>(
          await get(`/v1/localities?q=${encodeURIComponent('<script')}`),
        );
        expect(search.items).toContainEqual(expect.objectContaining({ key: 'hostile', matched: HOSTILE[2] }));
        const drop = json<{ items: { key: string }[] }>(
          await get(`/v1/localities?q=${encodeURIComponent("'); drop")}`),
        );
        expect(drop.items.map((i) => i.key)).toEqual(['hostile']);
        expect((await tableCounts(api.database.db)).links).toBeGreaterThan(50);
      });

      it('refuses a taken key with 409 and bad input with 400 naming the field, writing nothing', async () => {
        const before = await tableCounts(api.database.db);
        const cases: [Record<string, unknown>, number, string, string][] = [
          [buildLocality({ key: 'coventry' }), 409, 'Conflict', 'key'],
          [buildLocality({ names: [] }), 400, 'InvalidInput', 'names'],
          [buildLocality({ names: [{ name: '', lang: 'en' }] }), 400, 'InvalidInput', 'names[0].name'],
          [
            buildLocality({ names: [{ name: 'Nul\u0000Town', lang: 'en' }] }),
            400,
            'InvalidInput',
            'names[0].name',
          ],
          [
            buildLocality({ names: [{ name: 'Late', lang: 'en', validFrom: '2000', validTo: '1990' }] }),
            400,
            'InvalidDate',
            'names[0].validTo',
          ],
          [
            buildLocality({ names: [{ name: 'X', lang: 'en', validFrom: '2000-02-30' }] }),
            400,
            'InvalidDate',
            'names[0].validFrom',
          ],
          [
            buildLocality({
              names: [
                { name: 'A', lang: 'en', primary: true },
                { name: 'B', lang: 'en', primary: true },
              ],
            }),
            400,
            'InvalidInput',
            'names',
          ],
          [buildLocality({ country: 'XX' }), 400, 'InvalidCountry', 'country'],
          [buildLocality({ kind: 'metropolis' }), 400, 'InvalidInput', 'kind'],
          [buildLocality({ key: 'Bad Key' }), 400, 'InvalidInput', 'key'],
          [buildLocality({ colour: 'blue' }), 400, 'InvalidInput', 'colour'],
          [buildLocality({ coordinates: { lat: 91, lon: 0 } }), 400, 'InvalidInput', 'coordinates.lat'],
          [
            buildLocality({ citations: [{ sourceKey: 'nobody' }] }),
            400,
            'InvalidInput',
            'citations[0].sourceKey',
          ],
          [buildLocality({ parentKey: 'atlantis' }), 404, 'LocalityNotFound', 'parentKey'],
        ];
        for (const [body, status, code, field] of cases) {
          const response = await post('/v1/localities', body);
          expect(response.statusCode, JSON.stringify(body)).toBe(status);
          expect(errorOf(response), JSON.stringify(body)).toMatchObject({ code, field });
        }
        expect(await tableCounts(api.database.db)).toEqual(before);
      });

      it('updates at the version read: 428 without If-Match, 409 when stale, 200 with the new ETag', async () => {
        await post('/v1/localities', buildLocality({ key: 'altdorf-test', notes: 'old notes' }));
        const change = { notes: null, names: [{ name: 'Altdorf am See', lang: 'de' }] };
        const missing = await patch('/v1/localities/altdorf-test', change);
        expect(missing.statusCode).toBe(428);
        expect(errorOf(missing)).toMatchObject({ code: 'PreconditionRequired', field: 'headers.if-match' });
        expect((await patch('/v1/localities/altdorf-test', change, '*')).statusCode).toBe(428);
        expect(errorOf(await patch('/v1/localities/altdorf-test', change, 'version 1'))).toMatchObject({
          code: 'InvalidInput',
          field: 'headers.if-match',
        });
        const stale = await patch('/v1/localities/altdorf-test', change, 'W/"7"');
        expect(stale.statusCode).toBe(409);
        expect(errorOf(stale)).toMatchObject({ code: 'Conflict', field: 'version' });
        const done = await patch('/v1/localities/altdorf-test', change, 'W/"1"');
        expect(done.statusCode, done.body).toBe(200);
        expect(done.headers.etag).toBe('W/"2"');
        expect(json<Locality>(done)).toMatchObject({
          notes: null,
          version: 2,
          names: [{ name: 'Altdorf am See', lang: 'de', primary: true }],
        });
        const found = async (q: string) =>
          json<{ items: { key: string }[] }>(await get(`/v1/localities?q=${q}`)).items.map((i) => i.key);
        expect(await found('am%20see')).toContain('altdorf-test');
        expect(await found('teststadt')).not.toContain('altdorf-test');
        expect((await patch('/v1/localities/altdorf-test', {}, 'W/"2"')).statusCode).toBe(400);
        expect((await patch('/v1/localities/atlantis', { notes: 'x' }, 'W/"1"')).statusCode).toBe(404);
        const trail = await audit('/v1/localities/altdorf-test/audit');
        expect(trail.map((a) => a.action)).toEqual(['create', 'update']);
        expect(trail[1]!.before).toMatchObject({ notes: 'old notes', version: 1 });
        expect(trail[1]!.after).toMatchObject({ notes: null, version: 2 });
      });
    });

    describe('links and events', () => {
      let linkId = 0;

      it('creates a link with events, refusing duplicates, self-links, exclusivity breaches and contradictions', async () => {
        await post(
          '/v1/localities',
          buildLocality({ key: 'partnerdorf', names: [{ name: 'Partnerdorf', lang: 'de' }] }),
        );
        const created = await post('/v1/links', {
          a: 'partnerdorf',
          b: 'kiel',
          kind: 'partner_town',
          purposes: ['cultural'],
          citations: [{ sourceKey: 'seed' }],
          events: [{ type: 'agreement_signed', date: '2001-05-04', actor: 'both' }],
        });
        expect(created.statusCode, created.body).toBe(201);
        const link = json<Link>(created);
        linkId = link.id;
        expect(created.headers.location).toBe(`/v1/links/${linkId}`);
        expect(link).toMatchObject({ status: 'active', kind: 'partner_town', version: 1 });
        const before = await tableCounts(api.database.db);
        const refusals: [Record<string, unknown>, number, string, string][] = [
          [{ a: 'kiel', b: 'partnerdorf' }, 409, 'DuplicateLink', 'b'],
          [{ a: 'kiel', b: 'kiel' }, 400, 'SelfLink', 'b'],
          [
            { a: 'partnerdorf', b: 'paris', events: [{ type: 'formalised', date: '2020' }] },
            409,
            'ExclusiveLink',
            'b',
          ],
          [
            { a: 'partnerdorf', b: 'dresden', events: [{ type: 'resumed', date: '2020' }] },
            400,
            'LifecycleContradiction',
            'events',
          ],
          [{ a: 'partnerdorf', b: 'atlantis' }, 404, 'LocalityNotFound', 'b'],
          [
            { a: 'partnerdorf', b: 'dresden', events: [{ type: 'signed' }] },
            400,
            'InvalidInput',
            'events[0].type',
          ],
          [
            { a: 'partnerdorf', b: 'dresden', events: [{ type: 'adopted', date: '2020-13' }] },
            400,
            'InvalidDate',
            'events[0].date',
          ],
          [{ a: 'partnerdorf' }, 400, 'InvalidInput', 'b'],
        ];
        for (const [body, status, code, field] of refusals) {
          const response = await post('/v1/links', body);
          expect(response.statusCode, JSON.stringify(body)).toBe(status);
          expect(errorOf(response), JSON.stringify(body)).toMatchObject({ code, field });
        }
        expect(await tableCounts(api.database.db)).toEqual(before);
      });

      it('updates a link at the version read, with before and after in its audit trail', async () => {
        expect((await patch(`/v1/links/${linkId}`, { kind: 'twin_town' })).statusCode).toBe(428);
        const updated = await patch(`/v1/links/${linkId}`, { kind: null, notes: 'renamed' }, 'W/"1"');
        expect(updated.statusCode, updated.body).toBe(200);
        expect(updated.headers.etag).toBe('W/"2"');
        expect(json<Link>(updated)).toMatchObject({ kind: null, notes: 'renamed', version: 2 });
        expect((await patch(`/v1/links/${linkId}`, { kind: 'twin_town' }, 'W/"1"')).statusCode).toBe(409);
        const exclusive = await patch(`/v1/links/${linkId}`, { exclusive: true }, 'W/"2"');
        expect(exclusive.statusCode).toBe(409);
        expect(errorOf(exclusive)).toMatchObject({ code: 'ExclusiveLink', field: 'exclusive' });
        expect(errorOf(exclusive).message).toMatch(/kiel is already twinned with/);
        const trail = await audit(`/v1/links/${linkId}/audit`);
        expect(trail.map((a) => [a.action, a.version])).toEqual([
          ['create', 1],
          ['update', 2],
        ]);
        expect(trail[1]!.before).toEqual(trail[0]!.after);
        expect(trail[1]!.before).toMatchObject({ kind: 'partner_town', notes: null });
        expect(trail[1]!.after).toMatchObject({ kind: null, notes: 'renamed' });
      });

      it('appends lifecycle events, refusing ones the history contradicts', async () => {
        const suspended = await post(
          `/v1/links/${linkId}/events`,
          { type: 'suspended', date: '2024-02', actor: 'a', cause: `"protest" <b>` },
          admin,
          'W/"2"',
        );
        expect(suspended.statusCode, suspended.body).toBe(201);
        expect(json<Link>(suspended)).toMatchObject({ status: 'suspended', version: 3 });
        const renewed = await post(
          `/v1/links/${linkId}/events`,
          { type: 'renewed', date: '2025' },
          admin,
          'W/"3"',
        );
        expect(renewed.statusCode).toBe(400);
        expect(errorOf(renewed)).toMatchObject({ code: 'LifecycleContradiction' });
        expect(
          (await post(`/v1/links/${linkId}/events`, { type: 'resumed' }, admin, 'W/"2"')).statusCode,
        ).toBe(409);
        expect((await post(`/v1/links/${linkId}/events`, { type: 'resumed' }, admin)).statusCode).toBe(428);
        const resumed = await post(
          `/v1/links/${linkId}/events`,
          { type: 'resumed', date: '2025' },
          admin,
          'W/"3"',
        );
        expect(json<Link>(resumed).events.map((e) => e.type)).toEqual([
          'agreement_signed',
          'suspended',
          'resumed',
        ]);
        const trail = await audit(`/v1/links/${linkId}/audit`);
        expect(trail.map((a) => a.action)).toEqual(['create', 'update', 'append_event', 'append_event']);
        expect((trail[2]!.after as { events: { cause: string }[] }).events[1]!.cause).toBe(`"protest" <b>`);
        expect((await post('/v1/links/999999/events', { type: 'resumed' }, admin, 'W/"1"')).statusCode).toBe(
          404,
        );
      });
    });

    describe('merging localities', () => {
      it('merges a duplicate into the kept one, links folded, both audited, the duplicate gone', async () => {
        created(
          await post(
            '/v1/localities',
            buildLocality({ key: 'merge-kept', names: [{ name: 'Mergestadt', lang: 'de' }] }),
          ),
        );
        created(
          await post(
            '/v1/localities',
            buildLocality({ key: 'merge-dup', names: [{ name: 'Merge-Stadt', lang: 'de' }] }),
          ),
        );
        const keptLink = created<Link>(
          await post('/v1/links', {
            a: 'merge-kept',
            b: 'dresden',
            events: [{ type: 'adopted', date: '1990' }],
          }),
        );
        const dupShared = created<Link>(
          await post('/v1/links', {
            a: 'merge-dup',
            b: 'dresden',
            events: [{ type: 'formalised', date: '2000' }],
          }),
        );
        const dupOwn = created<Link>(await post('/v1/links', { a: 'merge-dup', b: 'kiel' }));
        const stale = await post(
          '/v1/localities/merge-kept/merge',
          { source: 'merge-dup', sourceVersion: 9 },
          admin,
          'W/"1"',
        );
        expect(stale.statusCode).toBe(409);
        const merged = await post(
          '/v1/localities/merge-kept/merge',
          { source: 'merge-dup', sourceVersion: 1 },
          admin,
          'W/"1"',
        );
        expect(merged.statusCode, merged.body).toBe(200);
        expect(merged.headers.etag).toBe('W/"2"');
        const result = json<{ locality: Locality; links: number[] }>(merged);
        expect(result.locality.names.map((n) => n.name).sort()).toEqual(['Merge-Stadt', 'Mergestadt']);
        expect(result.links.sort()).toEqual([keptLink.id, dupOwn.id].sort());
        expect((await get('/v1/localities/merge-dup')).statusCode).toBe(404);
        const links = json<{ items: { id: number; b: { key: string } }[] }>(
          await get('/v1/links?locality=merge-kept'),
        ).items;
        expect(links.map((l) => l.id).sort()).toEqual([keptLink.id, dupOwn.id].sort());
        const folded = json<Link>(await get(`/v1/links/${keptLink.id}`));
        expect(folded.events.map((e) => e.type)).toEqual(['adopted', 'formalised']);
        expect(folded.version).toBe(2);
        expect((await get(`/v1/localities?q=merge-stadt`)).body).toContain('"key":"merge-kept"');
        expect((await audit('/v1/localities/merge-kept/audit')).map((a) => a.action)).toEqual([
          'create',
          'merge',
        ]);
        const moved = await audit(`/v1/links/${dupOwn.id}/audit`);
        expect(moved.map((a) => a.action)).toEqual(['create', 'merge']);
        expect([moved[1]!.before!.a, moved[1]!.before!.b]).toContain('merge-dup');
        expect([moved[1]!.after!.a, moved[1]!.after!.b]).toContain('merge-kept');
        const gone = await audit(`/v1/audit/link/${dupShared.id}`);
        expect(gone.map((a) => [a.action, a.after])).toEqual([
          ['create', expect.objectContaining({ a: 'dresden', b: 'merge-dup' })],
          ['merge', null],
        ]);
        expect(
          (
            await post(
              '/v1/localities/merge-kept/merge',
              { source: 'merge-kept', sourceVersion: 2 },
              admin,
              'W/"2"',
            )
          ).statusCode,
        ).toBe(400);
      });
    });

    describe('request bodies', () => {
      it('answers malformed JSON, an empty body and a wrong content type with 400 and 415', async () => {
        const send = (payload: string, contentType = 'application/json') =>
          api.app.inject({
            method: 'POST',
            url: '/v1/localities',
            headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
            payload,
          });
        for (const bad of ['{"key": "x",', '{key: 1}', '[1, 2', "{'a': 1}"]) {
          const response = await send(bad);
          expect(response.statusCode, bad).toBe(400);
          expect(errorOf(response)).toMatchObject({ code: 'InvalidInput', field: 'body' });
        }
        expect(errorOf(await send(''))).toMatchObject({ code: 'InvalidInput', field: 'body' });
        expect((await send('[]')).statusCode).toBe(400);
        const xml = await send('<locality/>', 'application/xml');
        expect(xml.statusCode).toBe(415);
        expect(errorOf(xml)).toMatchObject({ code: 'UnsupportedMediaType' });
      });
    });
  });

  describe(`HTTP API body limit [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect, { bodyLimitBytes: 4096 });
    });
    afterAll(async () => api.close());

    it('answers an oversized body with 413 and writes nothing', async () => {
      const before = await tableCounts(api.database.db);
      const body = buildLocality({ notes: 'x'.repeat(5000) });
      const response = await call(api.app, 'POST', '/v1/localities', { token: api.tokens.admin, body });
      expect(response.statusCode).toBe(413);
      expect(errorOf(response)).toMatchObject({ code: 'PayloadTooLarge' });
      const anonymous = await call(api.app, 'POST', '/v1/localities', { body });
      expect(anonymous.statusCode).toBe(401);
      expect(await tableCounts(api.database.db)).toEqual(before);
      const small = await call(api.app, 'POST', '/v1/localities', {
        token: api.tokens.admin,
        body: buildLocality(),
      });
      expect(small.statusCode).toBe(201);
    });
  });
}
