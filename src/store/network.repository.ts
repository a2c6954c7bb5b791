import { sql, type Kysely } from 'kysely';
import type { LinkKind } from '../core/link.js';
import type { EventType, LifecycleEvent } from '../core/link-lifecycle.js';
import { parsePartialDate } from '../core/partial-date.js';
import { linkRecords, type LinkRecord } from './link.repository.js';
import type { DB } from './schema.js';

/** A locality as the network needs it: key, primary name, country and coordinates. */
export interface NetworkLocality {
  id: number;
  key: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * Every locality with its primary name selected as `name` (its key where none is primary), in id order: the
 * readers of the network, the rules and the partner finder each select their other columns beside it.
 */
export function localitiesWithPrimaryName(db: Kysely<DB>) {
  return db
    .selectFrom('localities')
    .leftJoin('locality_names', (j) =>
      j.onRef('locality_names.locality_id', '=', 'localities.id').on('locality_names.is_primary', '=', 1),
    )
    .select((eb) => eb.fn.coalesce('locality_names.name', 'localities.key').as('name'))
    .orderBy('localities.id');
}

/** A locality as an analysis that names no place needs it. */
export type NetworkPlace = Omit<NetworkLocality, 'name'>;

/** Every locality without its name (key, country, coordinates), in id order: for analyses that name no place. */
export async function networkPlaces(db: Kysely<DB>): Promise<NetworkPlace[]> {
  return db.selectFrom('localities').select(['id', 'key', 'country', 'lat', 'lon']).orderBy('id').execute();
}

/** Every locality's id and key, in id order: for analyses that read nothing of a place but its links. */
export async function networkPlaceKeys(db: Kysely<DB>): Promise<Pick<NetworkLocality, 'id' | 'key'>[]> {
  return db.selectFrom('localities').select(['id', 'key']).orderBy('id').execute();
}

/** Every locality with its primary name. */
export async function allNetworkLocalities(db: Kysely<DB>): Promise<NetworkLocality[]> {
  return localitiesWithPrimaryName(db)
    .select(['localities.id', 'localities.key', 'localities.country', 'localities.lat', 'localities.lon'])
    .execute();
}

/** Every link with its events, in id order (two reads of the whole tables, events in id order within a link). */
export async function allLinks(db: Kysely<DB>): Promise<LinkRecord[]> {
  const rows = await db.selectFrom('links').selectAll().orderBy('id').execute();
  const events = await db.selectFrom('link_events').selectAll().orderBy('link_id').orderBy('id').execute();
  return [...linkRecords(rows, events).values()];
}

/**
 * A link as the network reads it: its sides, its kind, and the steps its status and dates are derived from
 * (type, date and cause of each event, in event id order; no actors, notes or citations).
 */
export interface NetworkLink {
  id: number;
  aId: number;
  bId: number;
  kind?: LinkKind;
  events: LifecycleEvent[];
  /** With ranked sources asked for: the best (least) rank among the sources that list the link, if one is ranked. */
  listedRank?: number;
}

/** The best (least) rank among the sources that list a link, null when none is ranked: a subquery per link row. */
function listedRank(sourceRanks: ReadonlyMap<number, number>) {
  if (sourceRanks.size === 0) return sql<number | null>`null`;
  const whens = [...sourceRanks].map(([id, rank]) => sql`when ${sql.lit(id)} then ${sql.lit(rank)}`);
  const rank = sql`case ${sql.ref('link_sources.source_id')} ${sql.join(whens, sql` `)} end`;
  return sql<number | null>`(select min(${rank}) from ${sql.table('link_sources')}
    where ${sql.ref('link_sources.link_id')} = ${sql.ref('links.id')})`;
}

/**
 * Every link with the parts of its events the network needs, in id order: one lean read of links joined to their
 * events (a few columns; a link has one event or two, so the rows are about as many as the links), so that loading
 * the network costs little beside computing on it. Given ranks of sources (source id to rank), each link also
 * carries the best rank among the sources that list it, worked out by the database per link (an index lookup)
 * instead of reading every row of the link sources.
 */
export async function networkLinks(
  db: Kysely<DB>,
  sourceRanks: ReadonlyMap<number, number> = new Map(),
): Promise<NetworkLink[]> {
  const rows = await db
    .selectFrom('links')
    .leftJoin('link_events', 'link_events.link_id', 'links.id')
    .select([
      'links.id',
      'links.a_id',
      'links.b_id',
      'links.kind',
      'link_events.type',
      'link_events.date',
      'link_events.cause',
    ])
    .select(listedRank(sourceRanks).as('listed_rank'))
    .orderBy('links.id')
    .orderBy('link_events.id')
    .execute();
  const links: NetworkLink[] = [];
  let link: NetworkLink | undefined;
  for (const r of rows) {
    if (link?.id !== r.id) {
      link = { id: r.id, aId: r.a_id, bId: r.b_id, events: [] };
      if (r.kind !== null) link.kind = r.kind as LinkKind;
      if (r.listed_rank !== null) link.listedRank = Number(r.listed_rank);
      links.push(link);
    }
    if (r.type === null) continue; // a link without events
    const event: LifecycleEvent = { type: r.type as EventType, citations: [] };
    if (r.date) event.date = parsePartialDate(r.date);
    if (r.cause !== null) event.cause = r.cause;
    link.events.push(event);
  }
  return links;
}

/** The sources that cite each link (in a citation of the link itself), as link and source ids in citation order. */
export async function linkCitingSources(db: Kysely<DB>): Promise<{ linkId: number; sourceId: number }[]> {
  return db
    .selectFrom('citations')
    .select(['entity_id as linkId', 'source_id as sourceId'])
    .where('entity_type', '=', 'link')
    .orderBy('entity_id')
    .orderBy('id')
    .execute();
}

/**
 * The keys of the sources that state or cite each link, by link id: those that list it in source id order, then
 * those that cite it. Read as ids (the link sources' covering index) and named from the few sources.
 */
export async function sourceKeysByLink(db: Kysely<DB>): Promise<Map<number, string[]>> {
  const sources = await db.selectFrom('sources').select(['id', 'key']).execute();
  const listed = await db
    .selectFrom('link_sources')
    .select(['link_id as linkId', 'source_id as sourceId'])
    .orderBy('link_id')
    .orderBy('source_id')
    .execute();
  const cited = await linkCitingSources(db);
  const keyOf = new Map(sources.map((s) => [s.id, s.key]));
  const byLink = new Map<number, string[]>();
  for (const rows of [listed, cited]) {
    for (const { linkId, sourceId } of rows) {
      const key = keyOf.get(sourceId)!;
      const keys = byLink.get(linkId);
      if (keys === undefined) byLink.set(linkId, [key]);
      else if (!keys.includes(key)) keys.push(key);
    }
  }
  return byLink;
}

/**
 * A stamp that changes whenever the links, their events or the localities change: counts and version sums
 * (every update bumps an entity's version), and the newest event id. Cheap enough to read on every request.
 */
export async function networkStamp(db: Kysely<DB>): Promise<string> {
  const links = await db
    .selectFrom('links')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')])
    .executeTakeFirstOrThrow();
  const localities = await db
    .selectFrom('localities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')])
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('link_events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number>('id').as('m')])
    .executeTakeFirstOrThrow();
  return [links.n, links.v, localities.n, localities.v, events.n, events.m]
    .map((x) => String(x ?? 0))
    .join(':');
}
