import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache } from '../../src/api/read-cache.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { DIALECTS } from '../support/databases.js';
import { call, json, startTestApi, type TestApi } from './api-harness.js';

describe('read cache', () => {
  const entry = (generation: number, body = 'x') => ({ generation, body, headers: {} });

  it('serves an entry only in the generation it was read in', () => {
    const cache = new ReadCache(10, 100);
    cache.set('a', entry(0));
    expect(cache.get('a')?.body).toBe('x');
    cache.invalidate();
    expect(cache.get('a')).toBeUndefined();
    cache.set('late', entry(0));
    expect(cache.get('late')).toBeUndefined();
  });

  it('drops the least recently used entry, and keeps nothing too big or when sized 0', () => {
    const cache = new ReadCache(2, 5);
    cache.set('a', entry(0));
    cache.set('b', entry(0));
    cache.get('a');
    cache.set('c', entry(0));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    cache.set('big', entry(0, 'too long'));
    expect(cache.get('big')).toBeUndefined();
    const none = new ReadCache(0, 5);
    none.set('a', entry(0));
    expect(none.get('a')).toBeUndefined();
  });

  it('holds no more bytes than it is given, dropping the least recently used first', () => {
    const cache = new ReadCache(1000, 10_000, 5_000);
    for (let i = 0; i < 100; i++) cache.set(`/v1/localities?q=${i}`, entry(0, 'x'.repeat(1000)));
    expect(cache.bytes).toBeLessThanOrEqual(5_000);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.get('/v1/localities?q=99')).toBeDefined();
    expect(cache.get('/v1/localities?q=0')).toBeUndefined();
    cache.invalidate();
    expect(cache.bytes).toBe(0);
  });
});

for (const dialect of DIALECTS) {
  describe(`cached reads stay exact [${dialect}]`, () => {
    let api: TestApi;
    let other: Database;
    beforeAll(async () => {
      api = await startTestApi(dialect);
    });
    afterAll(async () => {
      await other?.close();
      await api.close();
    });

    const notes = async () => {
      const response = await call(api.app, 'GET', '/v1/localities/kiel');
      return {
        cache: response.headers['x-cache'],
        notes: json<{ locality: { notes: string | null } }>(response).locality.notes,
      };
    };

    it('serves a repeated read from memory, and a changed one fresh after a write through the API', async () => {
      const first = await call(api.app, 'GET', '/v1/localities?q=kie');
      const second = await call(api.app, 'GET', '/v1/localities?q=kie');
      expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit']);
      expect(second.body).toBe(first.body);
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      const read = await call(api.app, 'GET', '/v1/localities/kiel');
      await call(api.app, 'PATCH', '/v1/localities/kiel', {
        token: api.tokens.admin,
        body: { notes: 'changed through the API' },
        ifMatch: read.headers.etag as string,
      });
      expect(await notes()).toEqual({ cache: 'miss', notes: 'changed through the API' });
      // On PostgreSQL the write's own notification arrives a moment later and starts one more generation.
      let again = await notes();
      for (let i = 0; i < 50 && again.cache !== 'hit'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        again = await notes();
      }
      expect(again).toEqual({ cache: 'hit', notes: 'changed through the API' });
    });

    it('notices a change committed by another process', async () => {
      await notes();
      expect((await notes()).cache).toBe('hit');
      other = openDatabase(api.url);
      await other.db
        .updateTable('localities')
        .set({ notes: 'changed elsewhere' })
        .where('key', '=', 'kiel')
        .execute();
      let seen = await notes();
      for (let i = 0; i < 50 && seen.notes !== 'changed elsewhere'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = await notes();
      }
      expect(seen.notes).toBe('changed elsewhere');
    });
  });
}
