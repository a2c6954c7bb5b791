import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { call, json, startTestApi, type TestApi } from '../api/api-harness.js';

/** The text of an HTML fragment without its tags, spaces collapsed. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The markup of the section an id labels. */
function section(markup: string, id: string): string {
  const start = markup.indexOf(`aria-labelledby="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return markup.slice(start, markup.indexOf('</section>', start));
}

for (const dialect of DIALECTS) {
  describe(`web pages without scripts [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it('serves the home page with landmarks, a skip link, navigation and the search form', async () => {
      const response = await call(api.app, 'GET', '/');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const page = response.body;
      expect(page).toContain('<a class="skip" href="#main">');
      expect(page).toMatch(/<nav aria-label="Main">/);
      expect(page).toMatch(/<main id="main"/);
      expect(page).toMatch(/<form class="search" role="search" action="\/search" method="get">/);
      const links = json<{ items: unknown[] }>(await call(api.app, 'GET', '/v1/links?limit=1'));
      expect(links.items).toHaveLength(1);
      expect(textOf(page)).toMatch(/Links \d[\d,]*/);
      expect(page).not.toMatch(
        /https?:\/\/(?!www\.geonames|www\.wikidata|en\.wikipedia)[^"]*\.(js|css|woff2?)/,
      );
    });

    it('answers the search form with places by any name, with country and region', async () => {
      const page = (await call(api.app, 'GET', '/search?q=Stalingrad')).body;
      expect(page).toContain('href="/places/volgograd"');
      expect(textOf(page)).toContain('Russian Federation');
      const toledo = textOf((await call(api.app, 'GET', '/search?q=toledo')).body);
      expect(toledo).toContain('Spain');
      expect(toledo).toContain('United States of America');
      expect(textOf((await call(api.app, 'GET', '/search?q=zzzqqq')).body)).toContain('No place match');
    });

    it('suggests places as JSON for the search box', async () => {
      const response = await call(api.app, 'GET', '/suggest?q=tol');
      expect(response.statusCode).toBe(200);
      const found = json<{ key: string; country: string | null }[]>(response);
      expect(found.map((s) => s.key).sort()).toEqual(expect.arrayContaining(['toledo-es', 'toledo-oh']));
      expect(found.find((s) => s.key === 'toledo-es')?.country).toBe('Spain');
      expect((await call(api.app, 'GET', '/suggest?q=tol&limit=500')).statusCode).toBe(400);
    });

    it('shows a locality with its names through time and its partners at a date, each status apart', async () => {
      const today = (await call(api.app, 'GET', '/places/coventry')).body;
      expect(textOf(section(today, 'partners-paused'))).toContain('Volgograd');
      expect(textOf(section(today, 'partners-in-force'))).not.toContain('Volgograd');
      const in1950 = (await call(api.app, 'GET', '/places/coventry?date=1950')).body;
      expect(textOf(section(in1950, 'partners-in-force'))).toContain('Stalingrad');
      const volgograd = textOf((await call(api.app, 'GET', '/places/volgograd')).body);
      expect(volgograd).toMatch(/Stalingrad en — 1961/);
    });

    it('sends a locality page without waiting for its suggestions, which have a panel and a page of their own', async () => {
      const page = (await call(api.app, 'GET', '/places/coventry?date=1950')).body;
      const placeholder = section(page, 'suggestions');
      expect(placeholder).toContain('data-panel="/places/coventry/suggestions/panel?date=1950"');
      expect(placeholder).toContain('href="/places/coventry/suggestions?date=1950"');
      expect(placeholder).not.toContain('score');
      expect(page).toContain('src="/assets/suggestions.js"');
      const panel = await call(api.app, 'GET', '/places/coventry/suggestions/panel');
      expect(panel.statusCode).toBe(200);
      expect(panel.body).toMatch(/^<section aria-labelledby="suggestions"/);
      expect(panel.body).not.toContain('<html');
      expect(textOf(panel.body)).toMatch(/Suggested partners Places not yet partners, ranked by/);
      const own = await call(api.app, 'GET', '/places/coventry/suggestions?date=1950');
      expect(own.statusCode).toBe(200);
      expect(textOf(own.body)).toContain('Suggested partners of Coventry as of 1950');
      expect(own.body).toContain('href="/places/coventry?date=1950"');
      expect((await call(api.app, 'GET', '/places/atlantis/suggestions')).statusCode).toBe(404);
      expect((await call(api.app, 'GET', '/places/coventry/suggestions/panel?date=1950-13')).statusCode).toBe(
        400,
      );
      // The panel is the same for every reader: kept in the read cache like the API's suggestions.
      expect((await call(api.app, 'GET', '/places/coventry/suggestions/panel')).headers['x-cache']).toBe(
        'hit',
      );
    });

    it('shows a link with its timeline, contradictions and sources', async () => {
      const list = json<{ items: { id: number; a: { key: string }; b: { key: string } }[] }>(
        await call(api.app, 'GET', '/v1/links?locality=coventry&limit=50'),
      );
      const link = list.items.find((l) => [l.a.key, l.b.key].includes('volgograd'))!;
      const page = (await call(api.app, 'GET', `/links/${link.id}`)).body;
      const timeline = textOf(section(page, 'timeline'));
      expect(timeline).toMatch(
        /1942 first contact by Coventry.*1944 formalised.*2022-03-22 paused by Coventry/,
      );
      expect(textOf(section(page, 'sources'))).toContain('Sister city');
      expect(textOf(section(page, 'contradictions'))).toContain('agree');
    });

    it('answers unknown places and bad dates with an HTML page and the right status', async () => {
      const missing = await call(api.app, 'GET', '/places/atlantis');
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^text\/html/);
      expect(textOf(missing.body)).toContain('atlantis');
      const badDate = await call(api.app, 'GET', '/places/coventry?date=1950-13');
      expect(badDate.statusCode).toBe(400);
      expect(textOf(badDate.body)).toContain('query.date');
    });

    it('serves its own assets and the map libraries from the server itself, gzipped when asked', async () => {
      const script = await call(api.app, 'GET', '/assets/search.js', {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(script.statusCode).toBe(200);
      expect(script.headers['content-encoding']).toBe('gzip');
      expect((await call(api.app, 'GET', '/assets/d3-geo.min.js')).statusCode).toBe(200);
      expect((await call(api.app, 'GET', '/assets/..%2Fplugin.ts')).statusCode).toBe(404);
    });
  });
}
