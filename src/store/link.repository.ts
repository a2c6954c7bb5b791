import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { LinkKind, LinkPurpose } from '../core/link.js';
import type { ActorSide, EventType, LifecycleEvent } from '../core/link-lifecycle.js';
import { parsePartialDate } from '../core/partial-date.js';
import { fromFlag } from './booleans.js';
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

/**
 * What a locality's partner list reads of a link (registry/locality/partners.ts): its ends, kind, exclusivity and
 * events (their type, date and cause count); a LinkRecord is one, and a copy in memory may make less.
 */
export interface LinkFacts extends Pick<LinkRecord, 'id' | 'aId' | 'bId' | 'kind' | 'exclusive'> {
  events: readonly LifecycleEvent[];
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

/**
 * Every link one locality is party to, in id order: two queries of one shape whatever the number of links
 * (the links, then their events through the same condition), so that SQLite's kept statements serve them.
 */
export async function linksOfLocality(db: Kysely<DB>, localityId: number): Promise<LinkRecord[]> {
  const party = (eb: ExpressionBuilder<DB, 'links'>) =>
    eb.or([eb('a_id', '=', localityId), eb('b_id', '=', localityId)]);
  const rows = await db.selectFrom('links').selectAll().where(party).orderBy('id').execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('link_events')
    .selectAll()
    .where('link_id', 'in', (eb) => eb.selectFrom('links').select('id').where(party))
    .orderBy('id')
    .execute();
  return [...linkRecords(rows, events).values()]; // in the rows' id order
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
  const byId = linkRecords(rows, events);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Stored link rows with their event rows (in event id order within a link), as records by link id. */
export function linkRecords(
  rows: readonly Selectable<DB['links']>[],
  events: readonly Selectable<DB['link_events']>[],
): Map<number, LinkRecord> {
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
  return byId;
}
