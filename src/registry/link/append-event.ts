import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { isLive } from '../../core/exclusivity.js';
import { contradictions, statusAt, type LifecycleEvent } from '../../core/link-lifecycle.js';
import { insertEvent } from '../../store/writes/link.js';
import type { DB } from '../../store/schema.js';
import { sourceIdsByKey } from '../../store/source.repository.js';
import { insertCitations } from '../../store/writes/source.js';
import { assertExclusivityAround } from './exclusivity.js';
import { linkForWrite, writeLink } from './write-step.js';
import { linkTimelineById, type LinkTimeline } from './timeline.js';
import { assertSourcesKnown, type WriteContext } from '../write-context.js';

/**
 * Appends a lifecycle event to a link at the version the writer read, with its audit row, in one
 * transaction. Refuses an event that contradicts the history (LifecycleContradiction) and one that revives
 * a link an exclusive twinning forbids; Conflict when the link changed since it was read.
 */
export async function appendEvent(
  db: Kysely<DB>,
  linkId: number,
  event: LifecycleEvent,
  expectedVersion: number,
  context: WriteContext,
): Promise<LinkTimeline> {
  return db.transaction().execute(async (trx) => {
    const before = await linkForWrite(trx, linkId, expectedVersion, context);
    const { link, aKey, bKey } = before;
    const history = [...link.events, event];
    const known = new Set(contradictions(link.events).map((c) => c.message));
    const added = contradictions(history).find((c) => !known.has(c.message));
    if (added) throw new TwinningError('LifecycleContradiction', added.message, { field: 'type' });
    const wasLive = isLive(statusAt(link.events, undefined, context.today).status);
    const status = statusAt(history, undefined, context.today).status;
    if (!wasLive && isLive(status)) {
      await assertExclusivityAround(
        trx,
        { aKey, bKey, exclusive: link.exclusive, status },
        { aId: link.aId, bId: link.bId, linkId },
        context.today,
      );
    }
    const sourceIds = await sourceIdsByKey(trx);
    assertSourcesKnown(event.citations, sourceIds, 'citations');
    await writeLink(trx, before, {
      action: 'append_event',
      expectedVersion,
      context,
      apply: async () => {
        const eventId = await insertEvent(trx, linkId, event);
        await insertCitations(trx, 'event', eventId, event.citations, sourceIds);
      },
    });
    // Read in the transaction: the version returned is the one this write made, not a later writer's.
    return linkTimelineById(trx, linkId, context.today);
  });
}
