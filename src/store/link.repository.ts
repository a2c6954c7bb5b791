import type { Kysely } from 'kysely';
import type { LinkKind, LinkPurpose } from '../core/link.js';
import type { ActorSide, EventType, LifecycleEvent } from '../core/link-lifecycle.js';
import { earliestDay, formatPartialDate, latestDay, parsePartialDate } from '../core/partial-date.js';
import { fromFlag, nowIso, toFlag } from './booleans.js';
import type { DB } from './schema.js';

/** A stored link. Side a is always the locality with the lower id. */
export interface LinkRecord {
  id: number;
  aId: number;
  bId: number;
  kind?: LinkKind;
  purposes: LinkPurpose[];
  exclusive: boolean;
  unverified: boolean;
  notes?: string;
  version: number;
  events: (LifecycleEvent & { id: number })[];
}

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

/** The link between two localities, in either order, if there is one. */
export async function linkBetween(db: Kysely<DB>, x: number, y: number): Promise<LinkRecord | undefined> {
  const row = await db
    .selectFrom('links')
    .select('id')
    .where('a_id', '=', Math.min(x, y))
    .where('b_id', '=', Math.max(x, y))
    .executeTakeFirst();
  return row ? (await linksById(db, [row.id]))[0] : undefined;
}

/** Every link one locality is party to. */
export async function linksOfLocality(db: Kysely<DB>, localityId: number): Promise<LinkRecord[]> {
  const rows = await db
    .selectFrom('links')
    .select('id')
    .where((eb) => eb.or([eb('a_id', '=', localityId), eb('b_id', '=', localityId)]))
    .orderBy('id')
    .execute();
  return linksById(
    db,
    rows.map((r) => r.id),
  );
}

/** Links by id, in the order given, each with its events. */
export async function linksById(db: Kysely<DB>, ids: readonly number[]): Promise<LinkRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('links')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  const events = await db
    .selectFrom('link_events')
    .selectAll()
    .where('link_id', 'in', [...ids])
    .orderBy('id')
    .execute();
  const byId = new Map<number, LinkRecord>();
  for (const r of rows) {
    byId.set(r.id, {
      id: r.id,
      aId: r.a_id,
      bId: r.b_id,
      kind: (r.kind ?? undefined) as LinkKind | undefined,
      purposes: JSON.parse(r.purposes) as LinkPurpose[],
      exclusive: fromFlag(r.exclusive),
      unverified: fromFlag(r.unverified),
      notes: r.notes ?? undefined,
      version: r.version,
      events: [],
    });
  }
  for (const e of events) {
    byId.get(e.link_id)?.events.push({
      id: e.id,
      type: e.type as EventType,
      date: e.date ? parsePartialDate(e.date) : undefined,
      actor: (e.actor_side ?? undefined) as ActorSide | undefined,
      actorName: e.actor_name ?? undefined,
      cause: e.cause ?? undefined,
      notes: e.notes ?? undefined,
      unverified: fromFlag(e.unverified),
      citations: [],
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
