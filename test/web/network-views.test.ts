import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { configWith } from '../../src/api/config.js';
import { openDatabase } from '../../src/store/database.js';
import { call, startTestApi, TEST_NOW, type TestApi } from '../api/api-harness.js';
import { DIALECTS } from '../support/databases.js';

/** The text of an HTML fragment without its tags, spaces collapsed. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
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
  describe(`a network view whose studies are still running [${dialect}]`, () => {
    it('shows each study not ready within the wait as being computed, and its figures once kept', async () => {
      const api = await startTestApi(dialect);
      const database = openDatabase(api.url);
      // The same registry served by an app that waits 1 ms for studies: none is kept yet, so none is ready.
      const impatient = await buildApp(configWith({ logLevel: 'silent', databaseUrl: api.url }), database, {
        now: () => TEST_NOW,
        studyWaitMs: 1,
      });
      try {
        const first = await impatient.inject({ url: '/network' });
        expect(first.statusCode).toBe(200);
        const pending = [...first.body.matchAll(/class="pending" role="status">([^<]*)</g)].map((m) =>
          textOf(m[1]!),
        );
        expect(pending).toHaveLength(5);
        for (const note of pending)
          expect(note).toMatch(/: still being computed on the server; reload the page/);
        expect(first.body).not.toContain('Size (places)');
        // The jobs go on and their results are kept: a later load (waiting as long as usual) shows them.
        await expect
          .poll(async () => (await call(api.app, 'GET', '/network')).body, {
            timeout: 90_000,
            interval: 1_000,
          })
          .not.toContain('class="pending"');
        expect(textOf(section((await call(api.app, 'GET', '/network')).body, 'summary'))).toMatch(
          /Size \(places\) \d+/,
        );
      } finally {
        await impatient.close();
        await database.close();
        await api.close();
      }
    }, 120_000);
  });

  describe(`the network views without scripts [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it("shows the network's summary table, rankings and growth, the same figures as the API's analytics", async () => {
      // The page waits a few seconds for its studies and shows any still running as being computed; the same
      // studies asked of the API first are kept, so the page finds them all.
      for (const study of [
        'summary',
        'partners?limit=20',
        'betweenness?limit=20',
        'countries?limit=20',
        'time',
      ]) {
        expect((await call(api.app, 'GET', `/v1/analytics/${study}`)).statusCode).toBe(200);
      }
      const response = await call(api.app, 'GET', '/network');
      expect(response.statusCode).toBe(200);
      const page = response.body;
      const summary = (await call(api.app, 'GET', '/v1/analytics/summary')).json<{
        result: { nodes: number; edges: number; diameter: number };
      }>().result;
      const table = textOf(section(page, 'summary'));
      expect(table).toContain(`Size (places) ${summary.nodes}`);
      expect(table).toContain(`Volume (links) ${summary.edges}`);
      expect(table).toContain(`Diameter ${summary.diameter}`);
      const top = (await call(api.app, 'GET', '/v1/analytics/partners?limit=1')).json<{
        result: { label: string; value: number }[];
      }>().result[0]!;
      expect(textOf(section(page, 'rankings'))).toContain(`1 ${top.label}`);
      expect(page).not.toContain('class="pending"');
      const growth = section(page, 'growth');
      expect(growth).toMatch(/<svg[^>]*role="img"/);
      expect(textOf(growth)).toMatch(/Year Formed Ended/);
    });

    it("shows a country's links by partner country and kind, and its growth with the same figures as a table", async () => {
      // As for the network page: the growth study asked of the API first is kept, so the page does not depend on
      // its being computed within the page's wait (it was not, on a loaded machine).
      expect((await call(api.app, 'GET', '/v1/analytics/time?of=GB')).statusCode).toBe(200);
      const page = (await call(api.app, 'GET', '/countries/GB')).body;
      const matrix = section(page, 'by-partner');
      const rows = [...matrix.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
      const header = rows[0]!;
      expect(header).toMatch(/^Partner country All /);
      const germany = rows.find((r) => r.startsWith('Germany '))!;
      const [all, ...cells] = germany.replace('Germany ', '').split(' ').map(Number);
      expect(cells.reduce((sum, n) => sum + n, 0)).toBe(all);
      expect(all).toBeGreaterThan(0);
      // The 2022 pause of Coventry and Volgograd ends a link in force: one ending that year.
      expect(textOf(section(page, 'growth'))).toMatch(/2022 0 1/);
      expect((await call(api.app, 'GET', '/countries/gb')).headers.location).toBe('/countries/GB');
      const bad = await call(api.app, 'GET', '/countries/QQ');
      expect(bad.statusCode).toBe(400);
      expect(textOf(bad.body)).toContain('params.code');
    });

    it('answers "how are two places connected?" with the shortest chain, and says why when it cannot', async () => {
      const form = (await call(api.app, 'GET', '/network/chain')).body;
      expect(form).toMatch(/<form class="chain" action="\/network\/chain" method="get"/);
      const chain = textOf(
        section((await call(api.app, 'GET', '/network/chain?from=Kiel&to=Hamburg')).body, 'chain-answer'),
      );
      expect(chain).toMatch(
        /Kiel to Hamburg: 3 twinnings Kiel Germany Coventry United Kingdom Dresden Germany Hamburg Germany/,
      );
      const ambiguous = await call(api.app, 'GET', '/network/chain?from=Toledo&to=Kiel');
      expect(ambiguous.statusCode).toBe(400);
      expect(textOf(ambiguous.body)).toMatch(/From: "Toledo" names 2 localities: .*type its key instead/);
      const unknown = await call(api.app, 'GET', '/network/chain?from=Kiel&to=Atlantis');
      expect(unknown.statusCode).toBe(404);
      expect(textOf(unknown.body)).toContain('To: no locality is called "Atlantis"');
    });

    it("draws a place's neighbourhood as a network in SVG, with the same places and links as tables", async () => {
      const page = (await call(api.app, 'GET', '/places/coventry/network?steps=2')).body;
      expect(page).toMatch(/<svg\s+class="network"/);
      const dots = [...page.matchAll(/<a\s+href="\/places\/([^/"]+)\/network"\s+class="node (\w+)"/g)];
      expect(dots.map((d) => [d[1], d[2]])).toEqual([
        ['coventry', 'centre'],
        ['dresden', 'step1'],
        ['belgrade', 'step1'],
        ['kiel', 'step1'],
        ['hamburg', 'step2'],
      ]);
      expect(textOf(section(page, 'links-title'))).toContain('Dresden – Hamburg');
      expect(textOf(section(page, 'places-title'))).toContain('Hamburg Germany 2 1');
      const one = (await call(api.app, 'GET', '/places/coventry/network?steps=1')).body;
      expect(one).not.toContain('/places/hamburg/network');
      expect((await call(api.app, 'GET', '/places/atlantis/network')).statusCode).toBe(404);
    });
  });
}
