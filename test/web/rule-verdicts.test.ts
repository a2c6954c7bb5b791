import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, json, startTestApi, type TestApi } from '../api/api-harness.js';
import { DIALECTS } from '../support/databases.js';
import { placeLocalities } from './placed-localities.js';

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
  describe(`rule verdicts and the partner map on the web [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    it("shows each rule's verdict on a place's links at a date, with the citation and the reasoning", async () => {
      const page = (await call(api.app, 'GET', '/places/victoria?date=2021-05-01')).body;
      const rules = textOf(section(page, 'rules'));
      expect(rules).toContain('Laws and policies as of 2021-05-01');
      for (const partner of ['China', 'Iran', 'Syria']) {
        expect(rules).toMatch(new RegExp(`${partner} \\(the link\\) cancelled under the rule`));
      }
      expect(rules).toContain('Foreign Relations (State and Territory Arrangements) Act 2020');
      expect(rules).toContain('cancelled by the Australian Foreign Minister on 2021-04-21');
      const before = textOf(
        section((await call(api.app, 'GET', '/places/victoria?date=2020')).body, 'rules'),
      );
      expect(before).not.toContain('cancelled under the rule');
      const coventry = textOf(section((await call(api.app, 'GET', '/places/coventry')).body, 'rules'));
      expect(coventry).toContain("None of the registry's rules reaches this place's links");
    });

    it("shows the rules' verdicts on a link page, allowed ones too", async () => {
      const list = json<{ items: { id: number; a: { key: string }; b: { key: string } }[] }>(
        await call(api.app, 'GET', '/v1/links?locality=paris&limit=50'),
      );
      const rome = list.items.find((l) => [l.a.key, l.b.key].includes('rome'))!;
      const rules = textOf(section((await call(api.app, 'GET', `/links/${rome.id}`)).body, 'rules'));
      expect(rules).toContain('Rome and Paris, twinned only with each other');
      expect(rules).toMatch(/allowed/);
    });

    it("draws a place's partners on a map only where it has a position, with the same places as a table", async () => {
      const unplaced = (await call(api.app, 'GET', '/places/coventry')).body;
      expect(unplaced).not.toContain('partner-map-canvas');
      expect(unplaced).not.toContain('partner-map.js');
      await placeLocalities(api);
      const page = (await call(api.app, 'GET', '/places/coventry')).body;
      expect(page).toContain('<script type="module" src="/assets/partner-map.js">');
      const map = section(page, 'partner-map');
      const data = JSON.parse(/id="partner-map-data">([^<]*)<\/script>/.exec(map)![1]!) as {
        home: { key: string };
        partners: { key: string; status: string }[];
      };
      expect(data.home.key).toBe('coventry');
      expect(data.partners.map((p) => p.key).sort()).toEqual(['belgrade', 'dresden', 'kiel', 'volgograd']);
      const table = textOf(map);
      // The table holds the same places, nearest first, with their distance from Coventry.
      expect(table).toMatch(/Kiel .*Dresden .*Belgrade .*Volgograd/);
      expect(table).toMatch(/Volgograd Russian Federation paused [\d,]+ km 48\.71, 44\.51/);
      expect(table).toMatch(/partners? ha(s|ve) no recorded position/);
    });
  });
}
