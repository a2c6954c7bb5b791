import type { Kysely } from 'kysely';
import type { LinkKind, LinkPurpose } from '../../core/link.js';
import type { ActorSide, LifecycleEvent } from '../../core/link-lifecycle.js';
import { earliestDay, formatPartialDate, latestDay } from '../../core/partial-date.js';
import { nowIso, toFlag } from '../booleans.js';
import type { DB } from '../schema.js';

/** The fields of a new link, with sides in any order. */
export interface NewLink {
  aId: number;
  bId: number;
  kind?: LinkKind;
  purposes: readonly LinkPurpose[];
  exclusive: boolean;
  unverified?: boolean;
  notes?: string;
}

/** Swaps a and b in an actor side, for a link whose sides were given in the other order. */
function swapSide(side: ActorSide | undefined): ActorSide | undefined {
  return side === 'a' ? 'b' : side === 'b' ? 'a' : side;
}

/** Inserts a link (ordering its sides) and returns its id and whether its sides were swapped. */
export async function insertLink(db: Kysely<DB>, link: NewLink): Promise<{ id: number; swapped: boolean }> {
  const swapped = link.aId > link.bId;
  const now = nowIso();
  const { id } = await db
    .insertInto('links')
    .values({
      a_id: swapped ? link.bId : link.aId,
      b_id: swapped ? link.aId : link.bId,
      kind: link.kind ?? null,
      purposes: JSON.stringify(link.purposes),
      exclusive: toFlag(link.exclusive),
      unverified: toFlag(link.unverified),
      notes: link.notes ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, swapped };
}

/** Appends an event to a link; `swapped` says the caller's sides are the stored ones reversed. */
export async function insertEvent(
  db: Kysely<DB>,
  linkId: number,
  event: LifecycleEvent,
  swapped = false,
): Promise<number> {
  const { id } = await db
    .insertInto('link_events')
    .values({
      link_id: linkId,
      type: event.type,
      date: event.date ? formatPartialDate(event.date) : null,
      date_start: event.date ? earliestDay(event.date) : null,
      date_end: event.date ? latestDay(event.date) : null,
      actor_side: (swapped ? swapSide(event.actor) : event.actor) ?? null,
      actor_name: event.actorName ?? null,
      cause: event.cause ?? null,
      notes: event.notes ?? null,
      unverified: toFlag(event.unverified),
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
