import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLocality } from '../../src/store/writes/locality.js';
import { DIALECTS } from '../support/databases.js';
import { tableCounts } from '../support/registry-snapshot.js';
import { call, errorOf, json, startTestApi, type TestApi } from './api-harness.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Hit {
  key: string;
  name: string;
  matched: string;
  population: number | null;
}
interface LinkItem {
  id: number;
  a: { key: string; country: string; name: string };
  b: { key: string; country: string; name: string };
  kind: string | null;
  status: string;
  since: string | null;
  sources: string[];
}

for (const dialect of DIALECTS) {
  describe(`HTTP API reads [${dialect}]`, () => {
    let api: TestApi;
    const get = (url: string, token?: string) => call(api.app, 'GET', url, { token });

    beforeAll(async () => {
      api = await startTestApi(dialect);
      const place = (key: string, name: string, population: number, country = 'US') =>
        insertLocality(
          api.database.db,
          { key, kind: 'city', country, population, names: [{ name, lang: 'en', primary: true }] },
          null,
        );
      await place('springfield-il', 'Springfield', 114_000);
      await place('springfield-ma', 'Springfield', 155_000);
      await place('springfield-gardens', 'Springfield Gardens', 5_000_000);
      await place('west-springfield', 'West Springfield', 9_000_000);
      await place('saint-etienne', 'Saint-Étienne', 170_000, 'FR');
    });
    afterAll(async () => api.close());

    describe('search as you type', () => {
      const search = async (query: string) => json<Page<Hit>>(await get(`/v1/localities?${query}`)).items;

      it('ranks whole names, then name starts, then later words, larger places first within each', async () => {
        const hits = await search('q=springfield');
        expect(hits.map((h) => h.key)).toEqual([
          'springfield-ma',
          'springfield-il',
          'springfield-gardens',
          'west-springfield',
        ]);
        expect((await search('q=Springf')).map((h) => h.key)).toEqual([
          'springfield-gardens',
          'springfield-ma',
          'springfield-il',
          'west-springfield',
        ]);
      });

      it('ignores case and accents, and matches historical names and other scripts', async () => {
        expect((await search('q=ETIENNE'))[0]).toMatchObject({
          key: 'saint-etienne',
          matched: 'Saint-Étienne',
        });
        expect((await search('q=saint-%C3%A9t'))[0]?.key).toBe('saint-etienne');
        expect((await search('q=dussel')).map((h) => h.key)).toContain('dusseldorf');
        const stalin = await search('q=stalin');
        expect(stalin[0]).toMatchObject({ key: 'volgograd', name: 'Volgograd', matched: 'Stalingrad' });
        expect((await search(`q=${encodeURIComponent('волго')}`))[0]?.key).toBe('volgograd');
        expect((await search(`q=${encodeURIComponent('京')}`)).map((h) => h.key).sort()).toEqual([
          'nanjing',
          'tokyo',
        ]);
      });

      it('filters by country and kind, and limits', async () => {
        expect((await search('q=toledo&country=es')).map((h) => h.key)).toEqual(['toledo-es']);
        expect(await search('q=springfield&kind=village')).toEqual([]);
        expect(await search('q=springfield&limit=2')).toHaveLength(2);
        expect(await search('q=zzzzqqq')).toEqual([]);
      });

      it('browses every locality a page at a time without gaps or repeats', async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Page<Hit> = json(
            await get(`/v1/localities?limit=50${cursor ? `&cursor=${cursor}` : ''}`),
          );
          seen.push(...page.items.map((h) => h.key));
          cursor = page.nextCursor;
        } while (cursor);
        const counts = await tableCounts(api.database.db);
        expect(seen).toHaveLength(counts.localities!);
        expect(new Set(seen).size).toBe(seen.length);
        const german = json<Page<Hit & { country: string }>>(
          await get('/v1/localities?country=DE&limit=500'),
        );
        expect(german.items.length).toBeGreaterThan(3);
        expect(german.items.every((h) => h.country === 'DE')).toBe(true);
      });

      it('answers bad parameters with 400 naming the parameter', async () => {
        const cases: [string, string][] = [
          ['/v1/localities?limit=0', 'query.limit'],
          ['/v1/localities?limit=ten', 'query.limit'],
          ['/v1/localities?q=', 'query.q'],
          ['/v1/localities?kind=metropolis', 'query.kind'],
          ['/v1/localities?country=XX', 'query.country'],
          ['/v1/localities?cursor=bm9wZQ', 'query.cursor'],
          ['/v1/localities?colour=blue', 'query.colour'],
        ];
        for (const [url, field] of cases) {
          const response = await get(url);
          expect(response.statusCode, url).toBe(400);
          expect(errorOf(response)).toMatchObject({
            code: expect.stringMatching(/InvalidInput|InvalidCountry/),
            field,
          });
        }
      });
    });

    describe('one locality', () => {
      it('shows Coventry in 1950 with Stalingrad and Kiel, the names of the time, and its version as ETag', async () => {
        const response = await get('/v1/localities/coventry?asOf=1950');
        expect(response.statusCode).toBe(200);
        expect(response.headers.etag).toBe('W/"1"');
        const body = json<{
          locality: { key: string; version: number };
          partners: { partner: { name: string } }[];
        }>(response);
        expect(body.locality).toMatchObject({ key: 'coventry', version: 1 });
        expect(body.partners.map((p) => p.partner.name).sort()).toEqual(['Kiel', 'Stalingrad']);
      });

      it('shows partners paused and under consideration today', async () => {
        const body = json<{
          partners: { partner: { key: string }; status: string; since: string }[];
          underConsideration: { partner: { key: string } }[];
        }>(await get('/v1/localities/coventry'));
        expect(body.partners.find((p) => p.partner.key === 'volgograd')).toMatchObject({
          status: 'paused',
          since: '2022-03-22',
        });
        expect(body.underConsideration.map((p) => p.partner.key)).toEqual(['mariupol']);
      });

      it('answers 404 for an unknown key and 400 for a bad date or key', async () => {
        expect(errorOf(await get('/v1/localities/atlantis'))).toMatchObject({ code: 'LocalityNotFound' });
        expect((await get('/v1/localities/atlantis')).statusCode).toBe(404);
        const badDate = await get('/v1/localities/coventry?asOf=2022-13');
        expect(badDate.statusCode).toBe(400);
        expect(errorOf(badDate)).toMatchObject({ code: 'InvalidDate', field: 'query.asOf' });
        expect(errorOf(await get('/v1/localities/coventry?asOf=yesterday'))).toMatchObject({
          field: 'query.asOf',
        });
        expect(errorOf(await get('/v1/localities/Not%20A%20Key'))).toMatchObject({ field: 'params.key' });
      });
    });

    describe('links', () => {
      const links = async (query: string) => json<Page<LinkItem>>(await get(`/v1/links?${query}`));

      it('filters by country, country pair, kind and locality', async () => {
        const de = await links('country=DE&limit=500');
        expect(de.items.length).toBeGreaterThan(3);
        expect(de.items.every((l) => l.a.country === 'DE' || l.b.country === 'DE')).toBe(true);
        const pair = await links('between=gb,de&limit=500');
        expect(pair.items.map((l) => [l.a.country, l.b.country].sort().join())).toEqual(
          pair.items.map(() => 'DE,GB'),
        );
        expect(pair.items.map((l) => l.b.key)).toEqual(expect.arrayContaining(['kiel', 'dresden']));
        const policy = await links('kind=policy_agreement&limit=500');
        expect(policy.items.map((l) => [l.a.key, l.b.key].filter((k) => k !== 'alberta')[0]).sort()).toEqual([
          'missouri',
          'nevada',
          'texas',
        ]);
        const coventry = await links('locality=coventry');
        expect(coventry.items).toHaveLength(5);
      });

      it('filters by status at a date, as derived from events', async () => {
        const ended = await links('status=ended&limit=500');
        expect(ended.items.map((l) => [l.a.key, l.b.key].sort().join())).toContain('edirne,haskovo');
        expect(ended.items.every((l) => l.status === 'ended')).toBe(true);
        const then = await links('status=active&asOf=2010&locality=gaziantep');
        expect(then.items.map((l) => [l.a.key, l.b.key].sort().join())).toEqual(['gaziantep,nijmegen']);
        const broken = await links('status=broken_unilaterally&asOf=2018&locality=nijmegen');
        expect(broken.items.map((l) => l.since)).toEqual(['2017-03']);
        const paused = await links('status=paused,suspended&country=RU');
        expect(paused.items.map((l) => l.b.key)).toContain('volgograd');
        expect(paused.items.every((l) => ['paused', 'suspended'].includes(l.status))).toBe(true);
      });

      it('filters by formed and ended dates and by source', async () => {
        const formed = await links('formedFrom=1940&formedTo=1949&limit=500');
        expect(formed.items.map((l) => l.b.key)).toEqual(expect.arrayContaining(['kiel']));
        expect(formed.items.map((l) => l.b.key)).not.toContain('dresden');
        const ended = await links('endedFrom=2016&endedTo=2016-12-31&limit=500');
        expect(ended.items.map((l) => [l.a.key, l.b.key].sort().join())).toContain('edirne,haskovo');
        expect(ended.items.every((l) => l.status === 'ended')).toBe(true);
        const bySource = await links('source=notes&limit=500');
        expect(bySource.items.length).toBeGreaterThan(0);
        expect(bySource.items.every((l) => l.sources.includes('notes'))).toBe(true);
        expect((await links('source=nobody')).items).toEqual([]);
      });

      it('pages with a cursor, also under a status filter, without gaps or repeats', async () => {
        for (const filter of ['', 'status=active&']) {
          const all = (await links(`${filter}limit=500`)).items.map((l) => l.id);
          const paged: number[] = [];
          let cursor: string | null = null;
          do {
            const page: Page<LinkItem> = await links(`${filter}limit=7${cursor ? `&cursor=${cursor}` : ''}`);
            expect(page.items.length).toBeLessThanOrEqual(7);
            paged.push(...page.items.map((l) => l.id));
            cursor = page.nextCursor;
          } while (cursor);
          expect(paged).toEqual(all);
        }
      });

      it('exports any query as CSV, GeoJSON and GraphML', async () => {
        const csv = await get('/v1/links?format=csv&locality=coventry');
        expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(csv.headers['content-disposition']).toBe('attachment; filename="links.csv"');
        expect(csv.body.trimEnd().split('\r\n')).toHaveLength(6);
        expect(csv.body).toMatch(/coventry,Coventry,GB,.*volgograd,Volgograd,RU,.*paused/);
        const geo = await get('/v1/links?format=geojson&between=GB,DE');
        expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
        const collection = JSON.parse(geo.body) as { features: { properties: { a: { key: string } } }[] };
        expect(collection.features.length).toBe((await links('between=GB,DE&limit=500')).items.length);
        const graphml = await get('/v1/links?format=graphml&locality=coventry');
        expect(graphml.headers['content-type']).toBe('application/graphml+xml; charset=utf-8');
        expect(graphml.body).toContain('<graph id="twinning" edgedefault="undirected">');
        expect(graphml.body.match(/<edge /g)).toHaveLength(5);
        expect(graphml.headers['x-export-truncated']).toBe('false');
      });

      it('answers bad filters with 400 naming them', async () => {
        const cases: [string, string][] = [
          ['/v1/links?status=dormant', 'query.status[0]'],
          ['/v1/links?between=DE', 'query.between'],
          ['/v1/links?between=DE,ZZ', 'query.between'],
          ['/v1/links?formedFrom=1950-02-30', 'query.formedFrom'],
          ['/v1/links?format=xlsx', 'query.format'],
          ['/v1/links?locality=atlantis', 'query.locality'],
        ];
        for (const [url, field] of cases) {
          const response = await get(url);
          expect([400, 404], url).toContain(response.statusCode);
          expect(errorOf(response).field, url).toBe(field);
        }
      });

      it('shows one link with its timeline and sources, and 404 for none', async () => {
        const list = await links('locality=edirne');
        const id = list.items[0]!.id;
        const response = await get(`/v1/links/${id}`);
        expect(response.headers.etag).toBe('W/"1"');
        const timeline = json<{
          status: string;
          since: string;
          events: { type: string; cause: string; sources: unknown[] }[];
        }>(response);
        expect(timeline).toMatchObject({ status: 'ended', since: '2016' });
        const end = timeline.events.find((e) => e.type === 'terminated');
        expect(end?.cause).toMatch(/Armenian genocide/);
        expect(end?.sources.length).toBeGreaterThan(0);
        expect((await get('/v1/links/999999')).statusCode).toBe(404);
        expect(errorOf(await get('/v1/links/abc'))).toMatchObject({
          code: 'InvalidInput',
          field: 'params.id',
        });
      });
    });

    describe('associations, terms and summary', () => {
      it('lists associations with memberships, one by key, and 404 for none', async () => {
        const all = json<{ key: string; members: unknown[] }[]>(await get('/v1/associations'));
        expect(all.length).toBeGreaterThan(5);
        const one = all[0]!;
        expect(json<{ key: string }>(await get(`/v1/associations/${one.key}`)).key).toBe(one.key);
        expect((await get('/v1/associations/nothing-like-it')).statusCode).toBe(404);
        const withMember = all.find((a) => a.members.length > 0);
        if (withMember) {
          const member = (withMember.members[0] as { locality: { key: string } }).locality.key;
          const filtered = json<{ key: string }[]>(await get(`/v1/associations?locality=${member}`));
          expect(filtered.map((a) => a.key)).toContain(withMember.key);
        }
      });

      it('lists terms by language', async () => {
        const zh = json<{ term: string }[]>(await get('/v1/terms?lang=zh'));
        expect(zh.map((t) => t.term)).toContain('友好城市');
        expect(errorOf(await get('/v1/terms?lang=!!'))).toMatchObject({ field: 'query.lang' });
      });

      it('counts what the registry holds', async () => {
        const summary = json<Record<string, number>>(await get('/v1/summary'));
        const counts = await tableCounts(api.database.db);
        expect(summary).toMatchObject({
          localities: counts.localities,
          links: counts.links,
          events: counts.link_events,
          associations: counts.associations,
          terms: counts.terms,
          sources: counts.sources,
        });
      });
    });
  });
}

describe('HTTP API reads with tokens required', () => {
  const dialect = DIALECTS[0]!;
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect, { auth: { publicRead: false, tokenCacheSeconds: 0 } });
  });
  afterAll(async () => api.close());

  it('answers 401 without a token, 401 for a bad or revoked one, 200 for any role', async () => {
    const anonymous = await call(api.app, 'GET', '/v1/localities/coventry');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="twinning"');
    expect(errorOf(anonymous)).toMatchObject({ code: 'Unauthorized', field: 'headers.authorization' });
    expect((await call(api.app, 'GET', '/v1/summary', { token: 'twn_nonsense' })).statusCode).toBe(401);
    expect((await call(api.app, 'GET', '/v1/summary', { token: api.tokens.revoked })).statusCode).toBe(401);
    const basic = await call(api.app, 'GET', '/v1/summary', {
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(basic.statusCode).toBe(401);
    for (const token of [api.tokens.reader, api.tokens.editorJP, api.tokens.admin]) {
      expect((await call(api.app, 'GET', '/v1/localities/coventry', { token })).statusCode).toBe(200);
    }
    expect((await call(api.app, 'GET', '/health')).statusCode).toBe(200);
  });
});

describe('HTTP API exports past the export limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(DIALECTS[0]!, { maxExportRows: 3, maxPageSize: 2 });
  });
  afterAll(async () => api.close());

  it('stops at the limit and says so', async () => {
    const csv = await call(api.app, 'GET', '/v1/links?format=csv');
    expect(csv.headers['x-export-truncated']).toBe('true');
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(4);
    const few = await call(api.app, 'GET', '/v1/links?format=csv&locality=paris');
    expect(few.headers['x-export-truncated']).toBe('false');
    expect((await call(api.app, 'GET', '/v1/links?limit=3')).statusCode).toBe(400);
  });
});
