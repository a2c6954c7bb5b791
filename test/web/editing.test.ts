import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { configWith } from '../../src/api/config.js';
import { openDatabase } from '../../src/store/database.js';
import { call, json, startTestApi, TEST_NOW, type TestApi } from '../api/api-harness.js';
import { DIALECTS } from '../support/databases.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function cookieOf(response: LightMyRequestResponse): string {
  const set = String(response.headers['set-cookie'] ?? '');
  return set.split(';')[0]!;
}

function csrfOf(page: string): string {
  return /name="csrf" value="([^"]+)"/.exec(page)![1]!;
}

for (const dialect of DIALECTS) {
  describe(`signing in and editing on the web [${dialect}]`, () => {
    let api: TestApi;
    let linkId: number;
    beforeAll(async () => {
      api = await startTestApi(dialect);
      const list = json<{ items: { id: number; a: { key: string }; b: { key: string } }[] }>(
        await call(api.app, 'GET', '/v1/links?locality=coventry&limit=50'),
      );
      linkId = list.items.find((l) => [l.a.key, l.b.key].includes('kiel'))!.id;
    });
    afterAll(async () => api.close());

    const post = (url: string, form: Record<string, string>, cookie?: string) =>
      api.app.inject({
        method: 'POST',
        url,
        headers: { ...FORM, ...(cookie && { cookie }) },
        payload: new URLSearchParams(form).toString(),
      });
    /** The sign-in form's cookie and CSRF token, as a browser gets them by opening the page. */
    const signInForm = async () => {
      const page = await api.app.inject({ url: '/sign-in' });
      return { cookie: cookieOf(page), csrf: csrfOf(page.body) };
    };
    const postSignIn = async (form: Record<string, string>) => {
      const { cookie, csrf } = await signInForm();
      return post('/sign-in', { csrf, ...form }, cookie);
    };
    const signIn = async (token: string) => {
      const response = await postSignIn({ token, next: `/links/${linkId}` });
      expect(response.statusCode).toBe(303);
      return cookieOf(response);
    };

    it('exchanges a token for a secure, HTTP-only, SameSite session cookie, and refuses a bad one', async () => {
      const bad = await postSignIn({ token: 'not-a-token' });
      expect(bad.statusCode).toBe(401);
      expect(bad.body).toContain('unknown or revoked');
      const good = await postSignIn({ token: api.tokens.editorCoventry, next: '/places/coventry' });
      expect(good.statusCode).toBe(303);
      expect(good.headers.location).toBe('/places/coventry');
      expect(String(good.headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Strict/);
      expect(String(good.headers['set-cookie'])).not.toContain(api.tokens.editorCoventry);
      const offsite = await postSignIn({ token: api.tokens.admin, next: '//evil.example/' });
      expect(offsite.headers.location).toBe('/');
    });

    it('keeps a session across a restart, in another server process over the same database, until sign-out', async () => {
      const cookie = await signIn(api.tokens.editorCoventry);
      const database = openDatabase(api.url);
      const other = await buildApp(configWith({ logLevel: 'silent', databaseUrl: api.url }), database, {
        now: () => TEST_NOW,
      });
      try {
        const page = (await other.inject({ url: `/links/${linkId}`, headers: { cookie } })).body;
        expect(page).toContain('Signed in as Coventry city office');
        const signedOut = await other.inject({
          method: 'POST',
          url: '/sign-out',
          headers: { ...FORM, cookie },
          payload: new URLSearchParams({ csrf: csrfOf(page) }).toString(),
        });
        expect(signedOut.statusCode).toBe(303);
        // A sign-in form opened on one process is accepted by the other (no per-process key).
        const form = await signInForm();
        const there = await other.inject({
          method: 'POST',
          url: '/sign-in',
          headers: { ...FORM, cookie: form.cookie },
          payload: new URLSearchParams({ csrf: form.csrf, token: api.tokens.editorCoventry }).toString(),
        });
        expect(there.statusCode).toBe(303);
        expect(String(there.headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Strict/);
        const after = (await api.app.inject({ url: `/links/${linkId}`, headers: { cookie } })).body;
        expect(after).not.toContain('Signed in as');
      } finally {
        await other.close();
        await database.close();
      }
    });

    it("refuses a sign-in without the form's CSRF token, with another form's, or from another site", async () => {
      const form = { token: api.tokens.admin, next: '/' };
      const bare = await post('/sign-in', form);
      expect(bare.statusCode).toBe(403);
      expect(bare.body).toContain('body.csrf');
      expect(bare.headers['set-cookie'] ?? '').not.toContain('twinning_session');
      const mine = await signInForm();
      const theirs = await signInForm();
      expect(mine.csrf).not.toBe(theirs.csrf);
      const swapped = await post('/sign-in', { ...form, csrf: theirs.csrf }, mine.cookie);
      expect(swapped.statusCode).toBe(403);
      const offsite = await api.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { ...FORM, cookie: mine.cookie, origin: 'https://evil.example' },
        payload: new URLSearchParams({ ...form, csrf: mine.csrf }).toString(),
      });
      expect(offsite.statusCode).toBe(403);
      expect((await post('/sign-in', { ...form, csrf: mine.csrf }, mine.cookie)).statusCode).toBe(303);
    });

    it('shows edit controls to editors only', async () => {
      const reader = await signIn(api.tokens.reader);
      const asReader = (await api.app.inject({ url: `/links/${linkId}`, headers: { cookie: reader } })).body;
      expect(asReader).toContain('Signed in as a reader');
      expect(asReader).not.toContain('Add a lifecycle event');
      expect((await call(api.app, 'GET', `/links/${linkId}`)).body).not.toContain('<form class="edit"');
      const editor = await signIn(api.tokens.editorCoventry);
      const asEditor = (await api.app.inject({ url: `/links/${linkId}`, headers: { cookie: editor } })).body;
      expect(asEditor).toContain('Add a lifecycle event');
    });

    it('refuses a form without the CSRF token, or from another site, and changes nothing', async () => {
      const cookie = await signIn(api.tokens.editorCoventry);
      const form = { version: '1', type: 'paused', date: '2020', source: 'seed' };
      const missing = await post(`/links/${linkId}/events`, form, cookie);
      expect(missing.statusCode).toBe(403);
      expect(missing.headers['content-type']).toMatch(/^text\/html/);
      const page = (await api.app.inject({ url: `/links/${linkId}`, headers: { cookie } })).body;
      const offsite = await api.app.inject({
        method: 'POST',
        url: `/links/${linkId}/events`,
        headers: { ...FORM, cookie, origin: 'https://evil.example' },
        payload: new URLSearchParams({ ...form, csrf: csrfOf(page) }).toString(),
      });
      expect(offsite.statusCode).toBe(403);
      const timeline = json<{ events: unknown[] }>(await call(api.app, 'GET', `/v1/links/${linkId}`));
      expect(timeline.events).toHaveLength(1);
    });

    it('adds an event with its source, explains a 409, and shows the audit trail', async () => {
      const cookie = await signIn(api.tokens.editorCoventry);
      const page = (await api.app.inject({ url: `/links/${linkId}`, headers: { cookie } })).body;
      const csrf = csrfOf(page);
      const version = /name="version" value="(\d+)"/.exec(page)![1]!;
      const form = {
        csrf,
        version,
        type: 'paused',
        date: '2020-03',
        cause: 'a test',
        source: 'seed',
        locator: 'Europe',
      };
      const added = await post(`/links/${linkId}/events`, form, cookie);
      expect(added.statusCode).toBe(303);
      const timeline = json<{ events: { type: string; date: string; sources: { locator: string }[] }[] }>(
        await call(api.app, 'GET', `/v1/links/${linkId}`),
      );
      expect(timeline.events.at(-1)).toMatchObject({
        type: 'paused',
        date: '2020-03',
        sources: [{ locator: 'Europe' }],
      });
      const stale = await post(
        `/links/${linkId}/edit`,
        { csrf, version, kind: 'sister_city', notes: '' },
        cookie,
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('Someone changed this link first');
      expect(stale.body).toMatch(/You edited version 1[\s\S]*now at version 2/);
      const audit = (await api.app.inject({ url: `/links/${linkId}/audit`, headers: { cookie } })).body;
      expect(audit).toContain('Coventry city office');
      const signedOut = await post('/sign-out', { csrf }, cookie);
      expect(signedOut.statusCode).toBe(303);
      expect((await api.app.inject({ url: `/links/${linkId}/audit`, headers: { cookie } })).statusCode).toBe(
        303,
      );
    });
  });
}
