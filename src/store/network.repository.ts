import type { Kysely } from 'kysely';
import { linksById, type LinkRecord } from './link.repository.js';
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

/** Every locality with its primary name. */
export async function allNetworkLocalities(db: Kysely<DB>): Promise<NetworkLocality[]> {
  return localitiesWithPrimaryName(db)
    .select(['localities.id', 'localities.key', 'localities.country', 'localities.lat', 'localities.lon'])
    .execute();
}

/** Every link with its events, in id order. */
export async function allLinks(db: Kysely<DB>): Promise<LinkRecord[]> {
  const ids = await db.selectFrom('links').select('id').orderBy('id').execute();
  const result: LinkRecord[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    result.push(
      ...(await linksById(
        db,
        ids.slice(i, i + 5000).map((r) => r.id),
      )),
    );
  }
  return result;
}

/** The keys of the sources that state or cite each link, by link id. */
export async function sourceKeysByLink(db: Kysely<DB>): Promise<Map<number, string[]>> {
  const listed = await db
    .selectFrom('link_sources')
    .innerJoin('sources', 'sources.id', 'link_sources.source_id')
    .select(['link_sources.link_id as linkId', 'sources.key'])
    .execute();
  const cited = await db
    .selectFrom('citations')
    .innerJoin('sources', 'sources.id', 'citations.source_id')
    .select(['citations.entity_id as linkId', 'sources.key'])
    .where('citations.entity_type', '=', 'link')
    .execute();
  const byLink = new Map<number, string[]>();
  for (const { linkId, key } of [...listed, ...cited]) {
    const keys = byLink.get(linkId) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byLink.set(linkId, keys);
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
