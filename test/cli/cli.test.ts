import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalityPartners } from '../../src/registry/locality/partners.js';
import type { LinkTimeline } from '../../src/registry/link/timeline.js';
import type { SearchResult } from '../../src/registry/locality/find.js';
import { openDatabase } from '../../src/store/database.js';
import { cli, cliJson } from '../support/cli.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';
import { tableCounts } from '../support/registry-snapshot.js';

for (const dialect of DIALECTS) {
  describe(`twinning CLI on the bundled dataset [${dialect}]`, () => {
    let url = '';
    let drop: () => Promise<void> = async () => undefined;

    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
      const init = await cli(url, 'init');
      expect(init.code, init.err).toBe(0);
      expect(init.out).toMatch(/^Created .*: \d+ localities, \d+ links/);
    });
    afterAll(async () => drop());

    it('init a second time loads nothing twice', async () => {
      const again = await cliJson<{ loaded: unknown }>(url, 'init');
      expect(again.code).toBe(0);
      expect(again.value.loaded).toBeNull();
    });

    it('shows Coventry in 1950 with Stalingrad (so named then) and Kiel, not Dresden or Belgrade', async () => {
      const { code, value } = await cliJson<LocalityPartners>(url, 'locality', 'Coventry', '--as-of', '1950');
      expect(code).toBe(0);
      const names = value.partners.map((p) => p.partner.name).sort();
      expect(names).toEqual(['Kiel', 'Stalingrad']);
      expect(value.partners.every((p) => p.status === 'active')).toBe(true);
      const text = await cli(url, 'locality', 'Coventry', '--as-of', '1950');
      expect(text.out).toContain('Stalingrad');
      expect(text.out).not.toMatch(/Dresden|Belgrade|Volgograd/);
    });

    it('shows the Volgograd link paused since 2022-03-22 in 2023, and Mariupol under consideration', async () => {
      const { value } = await cliJson<LocalityPartners>(url, 'locality', 'Coventry', '--as-of', '2023');
      const volgograd = value.partners.find((p) => p.partner.key === 'volgograd');
      expect(volgograd).toMatchObject({ status: 'paused', since: '2022-03-22' });
      expect(volgograd?.partner.name).toBe('Volgograd');
      expect(value.partners.map((p) => p.partner.name)).toEqual(
        expect.arrayContaining(['Kiel', 'Dresden', 'Belgrade']),
      );
      expect(value.underConsideration.map((p) => p.partner.key)).toEqual(['mariupol']);
      const text = await cli(url, 'locality', 'Coventry', '--as-of', '2023');
      expect(text.out).toMatch(/Volgograd \(RU\): .*paused since 2022-03-22/);
    });

    it('finds a place by a historical name and shows the name valid at the date asked', async () => {
      const then = await cliJson<LocalityPartners>(url, 'locality', 'Stalingrad', '--as-of', '1950');
      expect(then.value.locality).toMatchObject({ key: 'volgograd', name: 'Stalingrad' });
      const now = await cliJson<LocalityPartners>(url, 'locality', 'stalingrad');
      expect(now.value.locality.name).toBe('Volgograd');
    });

    it('tells Edirne and Haskovo ended in 2016 with the cause', async () => {
      const { code, value } = await cliJson<LinkTimeline>(url, 'link', 'Edirne', 'Haskovo');
      expect(code).toBe(0);
      expect(value).toMatchObject({ status: 'ended', since: '2016' });
      const end = value.events.find((e) => e.type === 'terminated');
      expect(end?.cause).toMatch(/Armenian genocide/);
      expect(end?.sources.length).toBeGreaterThan(0);
    });

    it('tells Gaziantep and Nijmegen formed 2006, broken unilaterally 2017, terminated 2021', async () => {
      const { value } = await cliJson<LinkTimeline>(url, 'link', 'Nijmegen', 'Gaziantep');
      expect(value.events.map((e) => [e.type, e.date?.slice(0, 4)])).toEqual([
        ['agreement_signed', '2006'],
        ['broken_unilaterally', '2017'],
        ['terminated', '2021'],
      ]);
      expect(value.events[1]?.actor).toBe('Gaziantep');
      expect(value.status).toBe('ended');
      const text = await cli(url, 'link', 'Gaziantep', 'Nijmegen');
      expect(text.out).toMatch(/2017-03\s+broken unilaterally by Gaziantep/);
    });

    it("tells Alberta's eight sister-province agreements from its three policy agreements", async () => {
      const { value } = await cliJson<LocalityPartners>(url, 'locality', 'Alberta');
      expect(value.partners).toHaveLength(11);
      const byKind = (kind: string) =>
        value.partners
          .filter((p) => p.kind === kind)
          .map((p) => p.partner.name)
          .sort();
      expect(byKind('policy_agreement')).toEqual(['Missouri', 'Nevada', 'Texas']);
      expect(byKind('sister_province_or_state')).toHaveLength(8);
      expect(byKind('sister_province_or_state')).toEqual(
        expect.arrayContaining(['Gangwon', 'Hokkaido', 'California']),
      );
    });

    it('shows Rome and Paris as an exclusive twinning of 9 April 1956', async () => {
      const { value } = await cliJson<LinkTimeline>(url, 'link', 'Paris', 'Rome');
      expect(value).toMatchObject({ exclusive: true, status: 'active', since: '1956-04-09' });
    });

    it('keeps a date of 836 and a link that was only ever attempted', async () => {
      const paderborn = await cliJson<LinkTimeline>(url, 'link', 'Paderborn', 'Le Mans');
      expect(paderborn.value.since).toBe('0836');
      const preston = await cliJson<LinkTimeline>(url, 'link', 'Preston', 'Nablus');
      expect(preston.value.status).toBe('not_formed');
      expect(preston.value.events.map((e) => e.type)).toEqual(['proposed']);
    });

    it('searches any language and historical names, ignoring case and accents', async () => {
      const search = async (text: string) =>
        (await cliJson<SearchResult[]>(url, 'search', text)).value.map((r) => r.key);
      expect(await search('DUSSELDORF')).toContain('dusseldorf');
      expect(await search('stalin')).toContain('volgograd');
      expect(await search('Волгоград')).toContain('volgograd');
      expect(await search('gyongyos')).toContain('gyongyos');
      const none = await cli(url, 'search', 'zzzzqqq');
      expect(none).toMatchObject({ code: 0, out: 'No locality matches "zzzzqqq".' });
    });

    it('lists terms by language', async () => {
      const zh = await cliJson<{ term: string; romanized?: string }[]>(url, 'terms', '--lang', 'zh');
      expect(zh.value.map((t) => t.term)).toContain('友好城市');
      const de = await cli(url, 'terms', '--lang', 'de');
      expect(de.out).toContain('Partnerstadt');
      expect(de.out).not.toContain('jumelage');
    });

    it('answers bad input with exit 2 and one line naming the problem, writing nothing', async () => {
      const database = openDatabase(url);
      const before = await tableCounts(database.db);
      const cases: [string[], RegExp][] = [
        [['locality', 'Coventry', '--as-of', '2022-13-40'], /--as-of: "2022-13-40" has month 13/],
        [['locality', ''], /name: a locality name may not be empty/],
        [['search', '   '], /search text may not be empty/],
        [['locality', 'Toledo'], /"Toledo" names 2 localities: .*toledo-.*toledo-/],
        [['locality', 'Coventry', '--bogus'], /unknown option '--bogus'/],
      ];
      for (const [args, message] of cases) {
        const run = await cli(url, ...args);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.err.split('\n')).toHaveLength(1);
        expect(run.err).toMatch(message);
      }
      expect(await tableCounts(database.db)).toEqual(before);
      await database.close();
    });

    it('answers an unknown place with exit 1', async () => {
      const run = await cli(url, 'locality', 'Atlantis');
      expect(run).toMatchObject({ code: 1, out: '' });
      expect(run.err).toBe('error: name: no locality is called "Atlantis"; try `twinning search`');
      expect((await cli(url, 'link', 'Coventry', 'Rome')).code).toBe(1);
    });

    it('tells two places of one name apart by country', async () => {
      const spain = await cliJson<LocalityPartners>(url, 'locality', 'Toledo', '--country', 'ES');
      expect(spain.value.locality.key).toBe('toledo-es');
      expect(spain.value.partners.map((p) => p.partner.key)).toContain('toledo-oh');
    });
  });
}
