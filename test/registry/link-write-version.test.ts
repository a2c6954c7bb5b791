import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { appendEvent } from '../../src/registry/link/append-event.js';
import { createLink } from '../../src/registry/link/create.js';
import { updateLink } from '../../src/registry/link/update.js';
import type { WriteContext } from '../../src/registry/write-context.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import type { DB } from '../../src/store/schema.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';

const context: WriteContext = {
  actor: { tokenId: null, name: 'version test', role: 'admin' },
  today: parsePartialDate('2026-11-30'),
  authorize: () => undefined,
};

/**
 * The database as a writer sees it when another process commits right after each of its transactions: every
 * transaction, once committed, is followed by another writer's edit of the newest link (its version bumped)
 * before the caller goes on. A write that reads its answer after committing returns that other writer's version.
 */
function raced(db: Kysely<DB>): Kysely<DB> {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return () => {
          const builder = target.transaction();
          return {
            execute: async <T>(
              work: (trx: Parameters<Parameters<typeof builder.execute>[0]>[0]) => Promise<T>,
            ) => {
              const result = await builder.execute(work);
              await sql`update links set version = version + 1 where id = (select max(id) from links)`.execute(
                target,
              );
              return result;
            },
          };
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The version of the link's last audit row: the version the write made. */
async function auditedVersion(db: Kysely<DB>, linkId: number): Promise<number | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('version')
    .where('entity_type', '=', 'link')
    .where('entity_id', '=', linkId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.version;
}

for (const dialect of DIALECTS) {
  describe(`a link write returns the version it made, whoever writes next [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let db: Kysely<DB>;

    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      db = raced(database.db);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('create, update and a new event each answer with their own version, as audited', async () => {
      const created = await createLink(
        db,
        {
          aKey: 'coventry',
          bKey: 'toledo-es',
          kind: 'twin_town',
          purposes: [],
          exclusive: false,
          citations: [],
          events: [
            { type: 'agreement_signed', date: parsePartialDate('2025-05-01'), actor: 'a', citations: [] },
          ],
        },
        context,
      );
      const linkId = created.id;
      expect(created.version).toBe(await auditedVersion(database.db, linkId));
      const { version: afterCreate } = await database.db
        .selectFrom('links')
        .select('version')
        .where('id', '=', linkId)
        .executeTakeFirstOrThrow();
      // The other writer's edit came after the create: the link is one version past what the create returned.
      expect(afterCreate).toBe(created.version + 1);

      const updated = await updateLink(db, linkId, { notes: 'first' }, afterCreate, context);
      expect(updated.version).toBe(afterCreate + 1);
      expect(updated.version).toBe(await auditedVersion(database.db, linkId));
      expect(updated.notes).toBe('first');

      // The other writer bumped the version after the update committed: read it as a client would.
      const { version: current } = await database.db
        .selectFrom('links')
        .select('version')
        .where('id', '=', linkId)
        .executeTakeFirstOrThrow();
      expect(current).toBe(updated.version + 1);

      const appended = await appendEvent(
        db,
        linkId,
        { type: 'paused', date: parsePartialDate('2026-01-01'), actor: 'a', citations: [] },
        current,
        context,
      );
      expect(appended.version).toBe(current + 1);
      expect(appended.version).toBe(await auditedVersion(database.db, linkId));
      expect(appended.events.map((e) => e.type)).toContain('paused');
    });
  });
}
