import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { AuditActor } from '../../store/audit.repository.js';
import { linksOfLocality } from '../../store/link.repository.js';
import type { DB } from '../../store/schema.js';
import { linkWithKeys, snapshotLink, type LinkSnapshot } from '../link/snapshot.js';
import { bumpVersion, recordWrite, versionedWrite } from '../versioned-write.js';
import { assertVersion, type WriteContext } from '../write-context.js';
import { mergeLocalities } from './fix-merge.js';
import { localityIdOfKey, localityView, type LocalityView } from './view.js';
import type { MergeResult } from './write-shapes.js';

/** Snapshots of the links a merge of `sourceId` into `targetId` can touch: the source's, and the target's with a partner the source shares. */
export async function linksAroundMerge(
  trx: Kysely<DB>,
  targetId: number,
  sourceId: number,
): Promise<Map<number, LinkSnapshot>> {
  const sourceLinks = await linksOfLocality(trx, sourceId);
  const partners = new Set(sourceLinks.map((l) => (l.aId === sourceId ? l.bId : l.aId)));
  const targetLinks = (await linksOfLocality(trx, targetId)).filter((l) =>
    partners.has(l.aId === targetId ? l.bId : l.aId),
  );
  const before = new Map<number, LinkSnapshot>();
  for (const link of [...sourceLinks, ...targetLinks]) {
    const { aKey, bKey } = await linkWithKeys(trx, link.id);
    before.set(link.id, snapshotLink(link, aKey, bKey));
  }
  return before;
}

/**
 * Records what a merge or unmerge did to links: each one still there gets a new version and an audit row
 * with its snapshots, each one gone an audit row with `after: null`. Returns the ids of those still there.
 */
export async function recordLinkChanges(
  trx: Kysely<DB>,
  before: ReadonlyMap<number, LinkSnapshot | null>,
  action: string,
  actor: AuditActor,
): Promise<number[]> {
  const ids = [...before.keys()];
  const surviving = await trx
    .selectFrom('links')
    .select('id')
    .where('id', 'in', ids.length > 0 ? ids : [0])
    .execute();
  const kept = new Set(surviving.map((r) => r.id));
  for (const [linkId, snapshot] of before) {
    const target = { entity: 'link' as const, id: linkId, key: null };
    if (!kept.has(linkId)) {
      await recordWrite(trx, target, { action, actor, version: null, before: snapshot, after: null });
      continue;
    }
    await versionedWrite(trx, target, {
      action,
      actor,
      before: snapshot,
      after: async () => {
        const now = await linkWithKeys(trx, linkId);
        return snapshotLink(now.link, now.aKey, now.bKey);
      },
    });
  }
  return [...kept];
}

/**
 * Merges locality `source` into `target` with the journaled, undoable merge, through the versioned-write step
 * (from the versions the writer read, when given): both localities and every link the merge touches get a new
 * version and an audit row with the actor (the source's with `after: null`). Run it in a transaction.
 */
export async function mergeRecorded(
  trx: Kysely<DB>,
  merge: { target: LocalityView; source: LocalityView; targetVersion?: number; sourceVersion?: number },
  actor: AuditActor,
  reason: string,
): Promise<MergeResult> {
  const { target, source } = merge;
  if (target.id === source.id) {
    throw new TwinningError('InvalidInput', 'a locality cannot be merged into itself', { field: 'source' });
  }
  const targetRef = { entity: 'locality' as const, id: target.id, key: target.key };
  const sourceRef = { entity: 'locality' as const, id: source.id, key: source.key };
  await bumpVersion(trx, targetRef, merge.targetVersion);
  await bumpVersion(trx, sourceRef, merge.sourceVersion);
  const links = await linksAroundMerge(trx, target.id, source.id);
  const mergeId = await mergeLocalities(trx, target.id, source.id, actor.name, reason);
  const after = await localityView(trx, target.id);
  await recordWrite(trx, targetRef, {
    action: 'merge',
    actor,
    version: after.version,
    before: { ...target, mergedFrom: source },
    after,
  });
  await recordWrite(trx, sourceRef, {
    action: 'merged_into',
    actor,
    version: null,
    before: source,
    after: null,
  });
  const kept = await recordLinkChanges(trx, links, 'merge', actor);
  return { locality: after, mergeId, links: kept };
}

/**
 * Merges the `source` locality into `target` (the import pipeline's journaled, undoable merge), at the
 * versions the writer read, in one transaction: both localities and every link the merge touches get a new
 * version and an audit row (the source's with `after: null`). Conflict when either changed since it was read.
 */
export async function mergeLocalityInto(
  db: Kysely<DB>,
  request: { targetKey: string; targetVersion: number; sourceKey: string; sourceVersion: number },
  context: WriteContext,
): Promise<MergeResult> {
  const { targetKey, sourceKey } = request;
  if (targetKey === sourceKey) {
    throw new TwinningError('InvalidInput', 'a locality cannot be merged into itself', { field: 'source' });
  }
  return db.transaction().execute(async (trx) => {
    const target = await localityView(trx, await localityIdOfKey(trx, targetKey));
    const source = await localityView(trx, await localityIdOfKey(trx, sourceKey, 'source'));
    context.authorize({ localities: [target, source] });
    assertVersion(`locality ${targetKey}`, target.version, request.targetVersion);
    assertVersion(`locality ${sourceKey}`, source.version, request.sourceVersion);
    return mergeRecorded(
      trx,
      { target, source, targetVersion: request.targetVersion, sourceVersion: request.sourceVersion },
      context.actor,
      `merged ${sourceKey} into ${targetKey} through the API`,
    );
  });
}
