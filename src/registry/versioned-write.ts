import type { Kysely } from 'kysely';
import { TwinningError } from '../core/errors.js';
import type { AuditActor } from '../store/audit.repository.js';
import { nowIso } from '../store/booleans.js';
import { chunks } from '../store/chunks.js';
import type { DB } from '../store/schema.js';
import { insertAudit, insertAudits } from '../store/writes/audit.js';
import { assertUpdated } from './write-context.js';

/**
 * Actors: an API write's is its token (id, name, role: built by the API from the request's principal); a CLI
 * fix's is the person (cliActor); an import's is its run, named after the source (importActor).
 */

/** The entities that carry a version (the ETag): every write to one bumps it and leaves an audit row. */
export type VersionedEntity = 'locality' | 'link';

/** One versioned entity: its kind, id and key (links have none). */
export interface VersionTarget {
  entity: VersionedEntity;
  id: number;
  key: string | null;
}

/** The actor of a fix made on the command line: the person (`--by`, $TWINNING_USER or the login name). */
export function cliActor(name: string): AuditActor {
  return { tokenId: null, name, role: 'cli' };
}

/** The actor of an import run: named after the source it imports. */
export function importActor(sourceKey: string): AuditActor {
  return { tokenId: null, name: sourceKey, role: 'import' };
}

const TABLE = { locality: 'localities', link: 'links' } as const;

/**
 * Bumps an entity's version, only from `expected` when given (Conflict when someone changed it since it was
 * read); returns the new version. The conditional update also locks the row until the transaction ends.
 */
export async function bumpVersion(
  trx: Kysely<DB>,
  target: VersionTarget,
  expected?: number,
  at: string = nowIso(),
): Promise<number> {
  let update = trx
    .updateTable(TABLE[target.entity] as 'localities')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', target.id);
  if (expected !== undefined) update = update.where('version', '=', expected);
  const row = await update.returning('version').executeTakeFirst();
  const what = `${target.entity} ${target.key ?? target.id}`;
  if (row === undefined && expected !== undefined) assertUpdated(what, 0, expected);
  if (row === undefined)
    throw new TwinningError(target.entity === 'link' ? 'LinkNotFound' : 'LocalityNotFound', `no ${what}`);
  return row!.version;
}

/** One write as the audit log records it: what, who, the version after, and the entity before and after. */
export interface WriteRecord {
  action: string;
  actor: AuditActor;
  /** The entity's version after the write; null when the write removed it. */
  version: number | null;
  before: unknown;
  after: unknown;
  at?: string;
}

/** Records one write to a versioned entity (or an import run's source) in the audit log, in the write's transaction. */
export async function recordWrite(
  trx: Kysely<DB>,
  target: VersionTarget | { entity: 'source'; id: number; key: string },
  write: WriteRecord,
): Promise<void> {
  await insertAudit(trx, {
    entityType: target.entity,
    entityId: target.id,
    entityKey: target.key,
    action: write.action,
    actor: write.actor,
    at: write.at ?? nowIso(),
    version: write.version,
    before: write.before,
    after: write.after,
  });
}

/**
 * The versioned-write step every writer of an existing entity goes through: bumps its version (from the one
 * the writer read, when given), applies the change, reads the entity after it, and records the write with its
 * actor. Run it in the write's transaction; returns the entity as it is after the write.
 */
export async function versionedWrite<T>(
  trx: Kysely<DB>,
  target: VersionTarget,
  step: {
    action: string;
    actor: AuditActor;
    expectedVersion?: number;
    before: unknown;
    apply?: () => Promise<void>;
    after: () => Promise<T>;
  },
): Promise<T> {
  const at = nowIso();
  const version = await bumpVersion(trx, target, step.expectedVersion, at);
  await step.apply?.();
  const after = await step.after();
  await recordWrite(trx, target, {
    action: step.action,
    actor: step.actor,
    at,
    version,
    before: step.before,
    after,
  });
  return after;
}

/**
 * The bulk form for imports: bumps the versions of many entities of one kind and records one audit row for
 * each, with what changed (`after`) and no full snapshots. Returns how many it bumped.
 */
export async function versionedBulkWrite(
  trx: Kysely<DB>,
  entity: VersionedEntity,
  ids: Iterable<number>,
  step: { action: string; actor: AuditActor; change: unknown },
): Promise<number> {
  const at = nowIso();
  let count = 0;
  for (const part of chunks(
    [...new Set(ids)].sort((x, y) => x - y),
    400,
  )) {
    const rows =
      entity === 'locality'
        ? await trx
            .updateTable('localities')
            .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
            .where('id', 'in', part)
            .returning(['id', 'key', 'version'])
            .execute()
        : (
            await trx
              .updateTable('links')
              .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
              .where('id', 'in', part)
              .returning(['id', 'version'])
              .execute()
          ).map((r) => ({ ...r, key: null }));
    await insertAudits(
      trx,
      rows.map((r) => ({
        entityType: entity,
        entityId: r.id,
        entityKey: r.key,
        action: step.action,
        actor: step.actor,
        at,
        version: r.version,
        before: null,
        after: step.change,
      })),
    );
    count += rows.length;
  }
  return count;
}
