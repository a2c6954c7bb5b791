import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, json, startTestApi, type TestApi } from '../api/api-harness.js';
import { DIALECTS } from '../support/databases.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function cookieOf(response: LightMyRequestResponse): string {
  return String(response.headers['set-cookie'] ?? '').split(';')[0]!;
}

function csrfOf(page: string): string {
  return /name="csrf" value="([^"]+)"/.exec(page)![1]!;
}

/** The text of an HTML page without its tags, spaces collapsed. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

for (const dialect of DIALECTS) {
  describe(`adding a link on the web [${dialect}]`, () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => api.close());

    const post = (url: string, form: Record<string, string>, cookie?: string) =>
      api.app.inject({
        method: 'POST',
        url,
        headers: { ...FORM, ...(cookie && { cookie }) },
        payload: new URLSearchParams(form).toString(),
      });
    /** A session cookie and its CSRF token, through the sign-in form as a browser would. */
    const signIn = async (token: string) => {
      const form = await api.app.inject({ url: '/sign-in' });
      const response = await post('/sign-in', { token, csrf: csrfOf(form.body) }, cookieOf(form));
      expect(response.statusCode).toBe(303);
      const cookie = cookieOf(response);
      const page = await api.app.inject({ url: '/links/new?a=coventry', headers: { cookie } });
      return { cookie, page };
    };
    const linksOf = async (key: string) =>
      json<{ items: { id: number; a: { key: string }; b: { key: string } }[] }>(
        await call(api.app, 'GET', `/v1/links?locality=${key}&limit=100`),
      ).items;

    it('offers the form to editors only; readers and visitors never see it', async () => {
      const visitor = await api.app.inject({ url: '/links/new?a=coventry' });
      expect(visitor.statusCode).toBe(303);
      expect(visitor.headers.location).toBe('/sign-in?next=%2Flinks%2Fnew%3Fa%3Dcoventry');
      expect((await call(api.app, 'GET', '/places/coventry')).body).not.toContain('Add a link');
      const reader = await signIn(api.tokens.reader);
      expect(reader.page.statusCode).toBe(403);
      const asReader = await api.app.inject({ url: '/places/coventry', headers: { cookie: reader.cookie } });
      expect(asReader.body).not.toContain('/links/new');
      const editor = await signIn(api.tokens.editorCoventry);
      expect(editor.page.statusCode).toBe(200);
      expect(editor.page.body).toContain('name="a" value="coventry"');
      const asEditor = await api.app.inject({ url: '/places/coventry', headers: { cookie: editor.cookie } });
      expect(asEditor.body).toContain('href="/links/new?a=coventry"');
    });

    it('adds a link with its forming event and source, telling namesakes apart first', async () => {
      const { cookie, page } = await signIn(api.tokens.editorCoventry);
      const form = {
        csrf: csrfOf(page.body),
        a: 'coventry',
        b: 'Toledo',
        kind: 'twin_town',
        type: 'agreement_signed',
        date: '2001-05',
        source: 'seed',
        locator: 'Europe',
      };
      const ambiguous = await post('/links', form, cookie);
      expect(ambiguous.statusCode).toBe(400);
      expect(textOf(ambiguous.body)).toMatch(/"Toledo" names \d localities: .*toledo-es/);
      expect(ambiguous.body).toContain('name="b" value="Toledo"');
      const added = await post('/links', { ...form, bCountry: 'es' }, cookie);
      expect(added.statusCode).toBe(303);
      const link = (await linksOf('coventry')).find((l) => [l.a.key, l.b.key].includes('toledo-es'))!;
      expect(added.headers.location).toBe(`/links/${link.id}`);
      const timeline = json<{
        kind: string;
        events: { type: string; date: string; sources: { sourceKey: string; locator: string }[] }[];
      }>(await call(api.app, 'GET', `/v1/links/${link.id}`));
      expect(timeline.kind).toBe('twin_town');
      expect(timeline.events).toMatchObject([
        { type: 'agreement_signed', date: '2001-05', sources: [{ sourceKey: 'seed', locator: 'Europe' }] },
      ]);

      const again = await post('/links', { ...form, b: 'toledo-es' }, cookie);
      expect(again.statusCode).toBe(409);
      expect(textOf(again.body)).toContain('These two places are already linked');
      expect(again.body).toContain(`href="/links/${link.id}"`);
    });

    it('explains a refusal by a rule in force with its citation, and refuses a form without its CSRF token', async () => {
      const { cookie, page } = await signIn(api.tokens.admin);
      const form = {
        a: 'indianapolis',
        b: 'xiangyang',
        kind: 'sister_city',
        type: 'agreement_signed',
        date: '2025-03-01',
        source: 'seed',
      };
      const before = (await linksOf('indianapolis')).length;
      const forged = await post('/links', form, cookie);
      expect(forged.statusCode).toBe(403);
      const refused = await post('/links', { ...form, csrf: csrfOf(page.body) }, cookie);
      expect(refused.statusCode).toBe(409);
      const text = textOf(refused.body);
      expect(text).toContain('A rule in force prohibits this link');
      expect(text).toContain('Indiana HEA 1120 (2024)');
      expect((await linksOf('indianapolis')).length).toBe(before);
    });
  });
}
