import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../src/api/auth.js';
import { migrateToLatest, openDatabase, type Database } from '../../src/store/database.js';
import { revokeToken } from '../../src/store/token.repository.js';
import { hashSessionId, SESSION_COOKIE, SessionStore } from '../../src/web/session.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

const HOUR = 60 * 60 * 1000;

/** A request carrying a session cookie (the store reads nothing else of it). */
const withCookie = (id: string): FastifyRequest =>
  ({ headers: { cookie: `other=1; ${SESSION_COOKIE}=${id}` } }) as unknown as FastifyRequest;

async function withDatabase(dialect: (typeof DIALECTS)[number], run: (database: Database) => Promise<void>) {
  const created = await createTestDatabase(dialect);
  const database = openDatabase(created.url);
  try {
    await migrateToLatest(database);
    await run(database);
  } finally {
    await database.close();
    await created.drop();
  }
}

for (const dialect of DIALECTS) {
  describe(`web sessions in the database [${dialect}]`, () => {
    it('survive a restart and are shared by two processes, storing only the hash of the id', async () => {
      await withDatabase(dialect, async ({ db }) => {
        const { id: tokenId } = await createToken(db, {
          name: 'Ana',
          role: 'editor',
          scopes: ['country:DE'],
        });
        const session = await new SessionStore(db).open(tokenId);
        expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const rows = await db.selectFrom('web_sessions').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]!.id_hash).toBe(hashSessionId(session.id));
        expect(rows[0]!.id_hash).not.toContain(session.id);
        expect(JSON.stringify(rows)).not.toContain(session.csrf);
        // Another store over the same database: a restarted or second server process.
        const found = await new SessionStore(db).of(withCookie(session.id));
        expect(found?.principal).toMatchObject({ tokenId, name: 'Ana', role: 'editor' });
        expect(found?.session.csrf).toBe(session.csrf);
        expect(await new SessionStore(db).of(withCookie(`${session.id.slice(0, -1)}x`))).toBeUndefined();
        expect(await new SessionStore(db).of(withCookie('not a session id'))).toBeUndefined();
      });
    });

    it('end at their expiry, on sign-out and when their token is revoked; ended ones are swept', async () => {
      await withDatabase(dialect, async ({ db }) => {
        let now = Date.parse('2026-11-29T12:00:00Z');
        const store = new SessionStore(db, () => now);
        const { id: tokenId } = await createToken(db, {
          name: 'Ana',
          role: 'editor',
          scopes: ['country:DE'],
        });
        const first = await store.open(tokenId);
        expect(first.expires).toBe('2026-11-29T20:00:00.000Z');
        now += 8 * HOUR - 1;
        expect(await store.of(withCookie(first.id))).toBeDefined();
        now += 1;
        expect(await store.of(withCookie(first.id))).toBeUndefined();
        const second = await store.open(tokenId);
        const hashes = (await db.selectFrom('web_sessions').select('id_hash').execute()).map(
          (r) => r.id_hash,
        );
        expect(hashes).toEqual([hashSessionId(second.id)]);
        await store.close(second);
        expect(await store.of(withCookie(second.id))).toBeUndefined();
        const third = await store.open(tokenId);
        expect(await store.of(withCookie(third.id))).toBeDefined();
        expect(await revokeToken(db, tokenId)).toBe(true);
        expect(await store.of(withCookie(third.id))).toBeUndefined();
      });
    });
  });
}
