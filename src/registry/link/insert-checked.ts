import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { Link } from '../../core/link.js';
import { contradictions, statusAt } from '../../core/link-lifecycle.js';
import type { PartialDate } from '../../core/partial-date.js';
import { linkBetween } from '../../store/link.repository.js';
import { insertLink, insertEvent } from '../../store/writes/link.js';
import type { DB } from '../../store/schema.js';
import { insertCitations } from '../../store/writes/source.js';
import { assertExclusivityAround } from './exclusivity.js';

/**
 * Adds a link with its events and citations, refusing a self-link, a second link for the same pair,
 * a history that contradicts itself, and anything an exclusive twinning forbids. Run it in a transaction.
 */
export async function addLink(
  db: Kysely<DB>,
  link: Link,
  ids: { aId: number; bId: number },
  sourceIds: ReadonlyMap<string, number>,
  today: PartialDate,
): Promise<number> {
  if (ids.aId === ids.bId) {
    throw new TwinningError('SelfLink', `a place cannot twin with itself (${link.aKey})`, { field: 'b' });
  }
  if (await linkBetween(db, ids.aId, ids.bId)) {
    throw new TwinningError(
      'DuplicateLink',
      `${link.aKey} and ${link.bKey} are already linked; add events to that link`,
      {
        field: 'b',
      },
    );
  }
  const [contradiction] = contradictions(link.events);
  if (contradiction)
    throw new TwinningError('LifecycleContradiction', contradiction.message, { field: 'events' });

  await assertExclusivityAround(
    db,
    {
      aKey: link.aKey,
      bKey: link.bKey,
      exclusive: link.exclusive,
      status: statusAt(link.events, undefined, today).status,
    },
    ids,
    today,
  );

  const { id, swapped } = await insertLink(db, { ...ids, ...link });
  await insertCitations(db, 'link', id, link.citations, sourceIds);
  for (const event of link.events) {
    const eventId = await insertEvent(db, id, event, swapped);
    await insertCitations(db, 'event', eventId, event.citations, sourceIds);
  }
  return id;
}
