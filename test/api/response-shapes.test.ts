import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePartialDate, partialDateFromJsDate } from '../../src/core/partial-date.js';
import { associationViews } from '../../src/registry/association/view.js';
import { queryLinks } from '../../src/registry/link/query.js';
import { linkTimelineById } from '../../src/registry/link/timeline.js';
import { localityDetail } from '../../src/registry/locality/detail.js';
import { listLocalities } from '../../src/registry/locality/list.js';
import { localityIdOfKey, localityView } from '../../src/registry/locality/view.js';
import { registrySummary } from '../../src/registry/summary.js';
import { insertMembership } from '../../src/store/writes/association.js';
import { auditTrail } from '../../src/store/audit.repository.js';
import { DIALECTS } from '../support/databases.js';
import { buildLocality, call, json, startTestApi, TEST_NOW, type TestApi } from './api-harness.js';

// A response is serialised by its schema, which drops any field the schema lacks. Each route's body must be
// exactly what the registry operation behind it returned: no field lost on the way, none added.

/** A value as JSON carries it: what the API would send if nothing were dropped. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

for (const dialect of DIALECTS) {
  describe(`HTTP API bodies carry every field the registry gives [${dialect}]`, () => {
    let api: TestApi;
    const today = partialDateFromJsDate(TEST_NOW);
    const get = async (url: string, token?: string) => {
      const response = await call(api.app, 'GET', url, { token });
      expect(response.statusCode, response.body).toBe(200);
      return json<unknown>(response);
    };

    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api?.close());

    it('a locality with every stored fact and its partners at a date', async () => {
      const full = buildLocality({
        key: 'shape-full',
        parentKey: 'coventry',
        coordinates: { lat: 52.4, lon: -1.5 },
        population: 1200,
        populationYear: 2020,
        wikidataId: 'Q42',
        geonamesId: 4242,
        unverified: true,
        notes: 'every field set',
        names: [
          { name: 'Formstadt', lang: 'de', primary: true },
          { name: 'Alt-Formstadt', lang: 'de', validFrom: '1900', validTo: '1949' },
        ],
        citations: [{ sourceKey: 'seed', locator: 'a line' }],
      });
      const admin = { token: api.tokens.admin };
      expect((await call(api.app, 'POST', '/v1/localities', { ...admin, body: full })).statusCode).toBe(201);
      const link = {
        a: 'shape-full',
        b: 'coventry',
        kind: 'friendship_city',
        purposes: ['cultural'],
        notes: 'a link with every field',
        citations: [{ sourceKey: 'seed' }],
        events: [
          {
            type: 'explored',
            date: '1930',
            actor: 'a',
            cause: 'a visit',
            citations: [{ sourceKey: 'seed' }],
          },
        ],
      };
      expect((await call(api.app, 'POST', '/v1/links', { ...admin, body: link })).statusCode).toBe(201);
      for (const [key, asOf] of [
        ['shape-full', '1940'],
        ['coventry', '1950'],
      ] as const) {
        const detail = await localityDetail(api.database.db, key, parsePartialDate(asOf), today);
        expect(await get(`/v1/localities/${key}?asOf=${asOf}`)).toEqual(plain(detail));
      }
      const detail = await localityDetail(api.database.db, 'shape-full', parsePartialDate('1940'), today);
      expect(detail.underConsideration).toHaveLength(1);
      expect(detail.atDate.name).toBe('Alt-Formstadt');
      // Both names were valid in 1940 (positions in locality.names); in 1960 only the first still was.
      expect(detail.atDate.nameIndexes).toEqual([0, 1]);
      const later = await localityDetail(api.database.db, 'shape-full', parsePartialDate('1960'), today);
      expect(later.atDate).toMatchObject({ name: 'Formstadt', nameIndexes: [0] });
      // A partner is shown by the name it bore then, without its other names.
      expect(Object.keys(detail.underConsideration[0]!.partner).sort()).toEqual(
        ['country', 'id', 'key', 'kind', 'name', 'region'].sort(),
      );
      expect(Object.values(detail.locality).filter((v) => v === null)).toEqual([]);
      expect(detail.locality.sources).toHaveLength(1);
    });

    it('a search and a page of localities', async () => {
      const db = api.database.db;
      expect(await get('/v1/localities?q=vol')).toEqual({
        items: plain((await listLocalities(db, { text: 'vol', afterId: 0, limit: 20 })).items),
        nextCursor: null,
      });
      const page = await listLocalities(db, { afterId: 0, limit: 5 });
      expect((await get('/v1/localities?limit=5')) as { items: unknown }).toMatchObject({
        items: plain(page.items),
      });
    });

    it('a page of links and one link with its timeline', async () => {
      const db = api.database.db;
      const page = await queryLinks(db, { filter: {}, afterId: 0, limit: 10 }, today);
      expect(page.items.length).toBe(10);
      expect((await get('/v1/links?limit=10')) as { items: unknown }).toMatchObject({
        items: plain(page.items),
      });
      const full = await queryLinks(
        db,
        { filter: { localityId: await localityIdOfKey(db, 'shape-full') }, afterId: 0, limit: 10 },
        today,
      );
      expect(full.items[0]!.a.coordinates ?? full.items[0]!.b.coordinates).not.toBeNull();
      expect(await get('/v1/links?locality=shape-full')).toEqual({
        items: plain(full.items),
        nextCursor: null,
      });
      for (const { id } of [...page.items.slice(0, 3), ...full.items]) {
        expect(await get(`/v1/links/${id}`)).toEqual(plain(await linkTimelineById(db, id, today)));
      }
    });

    it('associations and the summary of counts', async () => {
      const db = api.database.db;
      const [first] = await associationViews(db);
      await insertMembership(db, {
        associationId: first!.id,
        localityId: await localityIdOfKey(db, 'coventry'),
        from: '1990',
        to: '2000',
        role: 'founder',
      });
      const associations = await associationViews(db);
      expect(associations[0]!.members).toHaveLength(1);
      expect(await get('/v1/associations')).toEqual(plain(associations));
      expect(await get(`/v1/associations/${associations[0]!.key}`)).toEqual(plain(associations[0]));
      expect(await get('/v1/summary')).toEqual(plain(await registrySummary(db)));
    });

    it('a merge, and the audit trail it wrote', async () => {
      const db = api.database.db;
      const post = (url: string, body: unknown, ifMatch?: string) =>
        call(api.app, 'POST', url, { token: api.tokens.admin, body, ifMatch });
      for (const key of ['shape-kept', 'shape-dup']) {
        expect((await post('/v1/localities', buildLocality({ key }))).statusCode).toBe(201);
      }
      expect((await post('/v1/links', { a: 'shape-dup', b: 'dresden' })).statusCode).toBe(201);
      const merged = await post(
        '/v1/localities/shape-kept/merge',
        { source: 'shape-dup', sourceVersion: 1 },
        'W/"1"',
      );
      expect(merged.statusCode, merged.body).toBe(200);
      const id = await localityIdOfKey(db, 'shape-kept');
      const result = json<{ mergeId: number; links: number[] }>(merged);
      expect(result.links).toHaveLength(1);
      expect(json(merged)).toEqual({ ...result, locality: plain(await localityView(db, id)) });
      const trail = await auditTrail(db, 'locality', id, { limit: 10 });
      expect(trail.map((r) => r.action)).toEqual(['create', 'merge']);
      expect(await get('/v1/localities/shape-kept/audit', api.tokens.admin)).toEqual({
        items: plain(trail),
        nextCursor: null,
      });
    });
  });
}
