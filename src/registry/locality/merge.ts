import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { mergeLocalities } from './fix-merge.js';
import { insertAudit } from '../../store/writes/audit.js';
import { nowIso } from '../../store/booleans.js';
import { linksOfLocality } from '../../store/link.repository.js';
import { setIndexedPopulation } from '../../store/name-index.repository.js';
import type { DB } from '../../store/schema.js';
import { linkWithKeys, snapshotLink, type LinkSnapshot } from '../link/snapshot.js';
import { localityIdOfKey, localityView, type LocalityView } from './view.js';
import { assertUpdated, assertVersion, type WriteContext } from '../write-context.js';

/** What a merge did: the surviving locality, and the links it moved or folded together. */
export interface MergeResult {
  locality: LocalityView;
  mergeId: number;
  links: number[];
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
    const targetId = await localityIdOfKey(trx, targetKey);
    const sourceId = await localityIdOfKey(trx, sourceKey, 'source');
    const target = await localityView(trx, targetId);
    const source = await localityView(trx, sourceId);
    context.authorize({ localities: [target, source] });
    assertVersion(`locality ${targetKey}`, target.version, request.targetVersion);
    assertVersion(`locality ${sourceKey}`, source.version, request.sourceVersion);
    for (const [id, expected] of [
      [targetId, request.targetVersion],
      [sourceId, request.sourceVersion],
    ] as const) {
      const result = await trx
        .updateTable('localities')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso() }))
        .where('id', '=', id)
        .where('version', '=', expected)
        .executeTakeFirst();
      assertUpdated(`locality ${id === targetId ? targetKey : sourceKey}`, result.numUpdatedRows, expected);
    }

    // The links the merge can touch: the source's, and the target's with a partner the source shares.
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

    const mergeId = await mergeLocalities(
      trx,
      targetId,
      sourceId,
      context.actor.name,
      `merged ${sourceKey} into ${targetKey} through the API`,
    );
    const at = nowIso();
    const after = await localityView(trx, targetId);
    await setIndexedPopulation(trx, targetId, after.population); // the names that moved rank as their new place
    const audit = { actor: context.actor, at, action: 'merge' };
    await insertAudit(trx, {
      ...audit,
      entityType: 'locality',
      entityId: targetId,
      entityKey: targetKey,
      version: after.version,
      before: { ...target, mergedFrom: source },
      after,
    });
    await insertAudit(trx, {
      ...audit,
      action: 'merged_into',
      entityType: 'locality',
      entityId: sourceId,
      entityKey: sourceKey,
      version: null,
      before: source,
      after: null,
    });

    const surviving = await trx
      .selectFrom('links')
      .select('id')
      .where('id', 'in', before.size > 0 ? [...before.keys()] : [0])
      .execute();
    const kept = new Set(surviving.map((r) => r.id));
    for (const [linkId, snapshot] of before) {
      if (!kept.has(linkId)) {
        await insertAudit(trx, {
          ...audit,
          entityType: 'link',
          entityId: linkId,
          entityKey: null,
          version: null,
          before: snapshot,
          after: null,
        });
        continue;
      }
      await trx
        .updateTable('links')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', linkId)
        .execute();
      const now = await linkWithKeys(trx, linkId);
      await insertAudit(trx, {
        ...audit,
        entityType: 'link',
        entityId: linkId,
        entityKey: null,
        version: now.link.version,
        before: snapshot,
        after: snapshotLink(now.link, now.aKey, now.bKey),
      });
    }
    return { locality: after, mergeId, links: [...kept] };
  });
}
