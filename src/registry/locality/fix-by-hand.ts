import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { AuditActor } from '../../store/audit.repository.js';
import { linksOfLocality } from '../../store/link.repository.js';
import type { DB } from '../../store/schema.js';
import { linkWithKeys, snapshotLink, type LinkSnapshot } from '../link/snapshot.js';
import { versionedWrite } from '../versioned-write.js';
import { unmergeLocalities } from './fix-merge.js';
import { mergeRecorded, recordLinkChanges } from './merge.js';
import type { MergeResult } from './write-shapes.js';
import { localityView, type LocalityView } from './view.js';

async function existing(trx: Kysely<DB>, id: number): Promise<LocalityView> {
  const row = await trx.selectFrom('localities').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new TwinningError('LocalityNotFound', `no locality has the id ${id}`);
  return localityView(trx, id);
}

/**
 * A person's merge (the CLI's `locality merge`): locality `mergedId` is the same place as `keptId`. Journaled
 * and undoable, and through the versioned-write step like the API's merge. Run it in a transaction.
 */
export async function mergeByHand(
  trx: Kysely<DB>,
  keptId: number,
  mergedId: number,
  actor: AuditActor,
  reason = 'merged by hand',
): Promise<MergeResult> {
  if (keptId === mergedId) throw new TwinningError('InvalidInput', 'a locality cannot be merged into itself');
  const target = await existing(trx, keptId);
  const source = await existing(trx, mergedId);
  return mergeRecorded(trx, { target, source }, actor, reason);
}

async function snapshotsOf(trx: Kysely<DB>, localityId: number): Promise<Map<number, LinkSnapshot>> {
  const result = new Map<number, LinkSnapshot>();
  for (const link of await linksOfLocality(trx, localityId)) {
    const { aKey, bKey } = await linkWithKeys(trx, link.id);
    result.set(link.id, snapshotLink(link, aKey, bKey));
  }
  return result;
}

/**
 * Undoes a recorded merge (the CLI's `locality unmerge`) through the versioned-write step: the kept locality,
 * the restored one and the links they share partners through get a new version and an audit row.
 */
export async function unmergeByHand(
  trx: Kysely<DB>,
  mergeId: number,
  actor: AuditActor,
): Promise<{ keptId: number; mergedId: number }> {
  const merge = await trx
    .selectFrom('locality_merges')
    .select(['kept_id'])
    .where('id', '=', mergeId)
    .executeTakeFirst();
  const keptAlive =
    merge !== undefined &&
    (await trx.selectFrom('localities').select('id').where('id', '=', merge.kept_id).executeTakeFirst()) !==
      undefined;
  const keptBefore = keptAlive ? await localityView(trx, merge.kept_id) : undefined;
  const linksBefore = keptAlive ? await snapshotsOf(trx, merge.kept_id) : new Map<number, LinkSnapshot>();
  const undone = await unmergeLocalities(trx, mergeId);
  const { keptId, mergedId } = undone;
  const restored = await localityView(trx, mergedId);
  await versionedWrite(
    trx,
    { entity: 'locality', id: mergedId, key: restored.key },
    { action: 'unmerge', actor, before: null, after: () => localityView(trx, mergedId) },
  );
  if (keptBefore !== undefined) {
    await versionedWrite(
      trx,
      { entity: 'locality', id: keptId, key: keptBefore.key },
      { action: 'unmerge', actor, before: keptBefore, after: () => localityView(trx, keptId) },
    );
  }
  // The links the undo touched: the restored locality's, and the kept one's with a partner it shares.
  const restoredLinks = await linksOfLocality(trx, mergedId);
  const partners = new Set(restoredLinks.map((l) => (l.aId === mergedId ? l.bId : l.aId)));
  const touched = new Map<number, LinkSnapshot | null>();
  for (const l of restoredLinks) touched.set(l.id, linksBefore.get(l.id) ?? null);
  const keptLinks = new Map((await linksOfLocality(trx, keptId)).map((l) => [l.id, l]));
  for (const [id, snapshot] of linksBefore) {
    const link = keptLinks.get(id);
    if (link === undefined || partners.has(link.aId === keptId ? link.bId : link.aId))
      touched.set(id, snapshot);
  }
  await recordLinkChanges(trx, touched, 'unmerge', actor);
  return undone;
}
