import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { call, json, startTestApi, type TestApi } from './api-harness.js';

interface Link {
  id: number;
  notes: string | null;
  purposes: string[];
  version: number;
  events: { type: string; notes: string | null }[];
}
interface AuditItem {
  action: string;
  version: number;
  actor: { name: string };
  before: Link;
  after: Link;
}

for (const dialect of DIALECTS) {
  describe(`two editors racing on one link [${dialect}]`, () => {
    let api: TestApi;
    let linkId = 0;
    const read = async () => {
      const response = await call(api.app, 'GET', `/v1/links/${linkId}`);
      return { link: json<Link>(response), etag: response.headers.etag as string };
    };
    const trail = async () =>
      json<{ items: AuditItem[] }>(
        await call(api.app, 'GET', `/v1/links/${linkId}/audit?limit=500`, { token: api.tokens.reader }),
      ).items;

    beforeAll(async () => {
      api = await startTestApi(dialect);
      const links = json<{ items: { id: number; b: { key: string } }[] }>(
        await call(api.app, 'GET', '/v1/links?locality=coventry'),
      ).items;
      linkId = links.find((l) => l.b.key === 'kiel')!.id;
    });
    afterAll(async () => api.close());

    it('lets exactly one of two writes at one version through; the other gets 409 and retries; nothing is lost', async () => {
      for (let round = 0; round < 5; round++) {
        const { etag } = await read();
        const editors = [
          { token: api.tokens.editorCoventry, body: { notes: `Coventry's office, round ${round}` } },
          {
            token: api.tokens.editorDE,
            body: { purposes: round % 2 ? ['cultural'] : ['reconciliation', 'trade'] },
          },
        ];
        const responses = await Promise.all(
          editors.map((e) =>
            call(api.app, 'PATCH', `/v1/links/${linkId}`, { token: e.token, body: e.body, ifMatch: etag }),
          ),
        );
        expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        const loser = editors[responses.findIndex((r) => r.statusCode === 409)]!;
        const retry = await read();
        const again = await call(api.app, 'PATCH', `/v1/links/${linkId}`, {
          token: loser.token,
          body: loser.body,
          ifMatch: retry.etag,
        });
        expect(again.statusCode).toBe(200);
        const { link } = await read();
        expect(link.notes).toBe(`Coventry's office, round ${round}`);
        expect(link.purposes).toEqual(editors[1]!.body.purposes);
      }
      const updates = (await trail()).filter((a) => a.action === 'update');
      expect(updates).toHaveLength(10);
      expect(updates.map((a) => a.version)).toEqual(updates.map((_, i) => i + 2));
      updates.slice(1).forEach((entry, i) => expect(entry.before).toEqual(updates[i]!.after));
      expect(new Set(updates.map((a) => a.actor.name))).toEqual(
        new Set(['Coventry city office', 'German editor']),
      );
    });

    it('keeps both events when two editors append at once: one 409, a retry, both in the history and the log', async () => {
      const { etag, link } = await read();
      const before = link.events.length;
      const events = [
        { token: api.tokens.editorCoventry, body: { type: 'renewed', notes: 'renewed by Coventry' } },
        { token: api.tokens.editorDE, body: { type: 'renewed', notes: 'renewed by Kiel' } },
      ];
      const responses = await Promise.all(
        events.map((e) =>
          call(api.app, 'POST', `/v1/links/${linkId}/events`, {
            token: e.token,
            body: e.body,
            ifMatch: etag,
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const loser = events[responses.findIndex((r) => r.statusCode === 409)]!;
      const retry = await read();
      const again = await call(api.app, 'POST', `/v1/links/${linkId}/events`, {
        token: loser.token,
        body: loser.body,
        ifMatch: retry.etag,
      });
      expect(again.statusCode).toBe(201);
      const after = (await read()).link;
      expect(after.events).toHaveLength(before + 2);
      expect(after.events.map((e) => e.notes)).toEqual(
        expect.arrayContaining(['renewed by Coventry', 'renewed by Kiel']),
      );
      const appended = (await trail()).filter((a) => a.action === 'append_event');
      expect(appended).toHaveLength(2);
      expect(appended[1]!.before).toEqual(appended[0]!.after);
      expect(appended[1]!.version).toBe(after.version);
    });
  });
}
