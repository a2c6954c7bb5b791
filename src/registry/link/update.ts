import type { Kysely } from 'kysely';
import { statusAt } from '../../core/link-lifecycle.js';
import { toFlag } from '../../store/booleans.js';
import type { DB } from '../../store/schema.js';
import { assertExclusivityAround } from './exclusivity.js';
import { linkForWrite, writeLink } from './write-step.js';
import { linkTimelineById, type LinkTimeline } from './timeline.js';
import type { LinkPatch } from './write-shapes.js';
import type { WriteContext } from '../write-context.js';

/**
 * Updates a link at the version the writer read, with its audit row, in one transaction: Conflict (never an
 * overwrite) when someone changed it since; ExclusiveLink when making it exclusive breaks another link.
 */
export async function updateLink(
  db: Kysely<DB>,
  linkId: number,
  patch: LinkPatch,
  expectedVersion: number,
  context: WriteContext,
): Promise<LinkTimeline> {
  return db.transaction().execute(async (trx) => {
    const before = await linkForWrite(trx, linkId, expectedVersion, context);
    const { link, aKey, bKey } = before;
    if (patch.exclusive === true && !link.exclusive) {
      await assertExclusivityAround(
        trx,
        { aKey, bKey, exclusive: true, status: statusAt(link.events, undefined, context.today).status },
        { aId: link.aId, bId: link.bId, linkId },
        context.today,
      );
    }
    const changes = {
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.purposes !== undefined && { purposes: JSON.stringify(patch.purposes) }),
      ...(patch.exclusive !== undefined && { exclusive: toFlag(patch.exclusive) }),
      ...(patch.unverified !== undefined && { unverified: toFlag(patch.unverified) }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
    };
    await writeLink(trx, before, {
      action: 'update',
      expectedVersion,
      context,
      apply: async () => {
        if (Object.keys(changes).length > 0)
          await trx.updateTable('links').set(changes).where('id', '=', linkId).execute();
      },
    });
    // Read in the transaction: the version returned is the one this write made, not a later writer's.
    return linkTimelineById(trx, linkId, context.today);
  });
}
