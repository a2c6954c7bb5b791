import { sql, type Kysely } from 'kysely';
import { FORMING_EVENTS } from '../core/link-lifecycle.js';
import type { DB } from './schema.js';

/** A span of days as yyyymmdd numbers (see partial-date.ts), either end open. */
export interface DayRange {
  from?: number;
  to?: number;
}

/** What SQL can filter links by; status at a date is derived from events in the registry layer. */
export interface LinkFilter {
  /** Links of this locality. */
  localityId?: number;
  /** Links with a side in any of these countries. */
  countries?: readonly string[];
  /** Links with one side in the first country and the other in the second. */
  between?: readonly [string, string];
  kinds?: readonly string[];
  /** Links cited by this source (on the link or one of its events), or stated by it in an import. */
  sourceKey?: string;
  /** Links with a forming event (adopted, agreement signed, formalised) dated within the range. */
  formed?: DayRange;
  /** Links with a termination dated within the range. */
  ended?: DayRange;
}

/** Ids of links matching the filter, in id order, after `afterId`, at most `limit`. */
export async function linkIdsMatching(
  db: Kysely<DB>,
  filter: LinkFilter,
  afterId: number,
  limit: number,
): Promise<number[]> {
  let query = db
    .selectFrom('links as l')
    .innerJoin('localities as a', 'a.id', 'l.a_id')
    .innerJoin('localities as b', 'b.id', 'l.b_id')
    .select('l.id')
    .where('l.id', '>', afterId)
    .orderBy('l.id')
    .limit(limit);
  if (filter.localityId !== undefined) {
    const id = filter.localityId;
    query = query.where((eb) => eb.or([eb('l.a_id', '=', id), eb('l.b_id', '=', id)]));
  }
  if (filter.countries && filter.countries.length > 0) {
    const countries = [...filter.countries];
    query = query.where((eb) => eb.or([eb('a.country', 'in', countries), eb('b.country', 'in', countries)]));
  }
  if (filter.between) {
    const [x, y] = filter.between;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('a.country', '=', x), eb('b.country', '=', y)]),
        eb.and([eb('a.country', '=', y), eb('b.country', '=', x)]),
      ]),
    );
  }
  if (filter.kinds && filter.kinds.length > 0) query = query.where('l.kind', 'in', [...filter.kinds]);
  if (filter.formed) query = query.where(eventInRange(FORMING_EVENTS, filter.formed));
  if (filter.ended) query = query.where(eventInRange(['terminated'], filter.ended));
  if (filter.sourceKey !== undefined) {
    const key = filter.sourceKey;
    query = query.where(({ exists, selectFrom, or }) =>
      or([
        exists(
          selectFrom('citations as c')
            .innerJoin('sources as s', 's.id', 'c.source_id')
            .select('c.id')
            .where('s.key', '=', key)
            .where((eb) =>
              eb.or([
                eb.and([eb('c.entity_type', '=', 'link'), eb('c.entity_id', '=', eb.ref('l.id'))]),
                eb.and([
                  eb('c.entity_type', '=', 'event'),
                  eb(
                    'c.entity_id',
                    'in',
                    eb.selectFrom('link_events as e').select('e.id').whereRef('e.link_id', '=', 'l.id'),
                  ),
                ]),
              ]),
            ),
        ),
        exists(
          selectFrom('link_sources as ls')
            .innerJoin('sources as s2', 's2.id', 'ls.source_id')
            .select('ls.id')
            .where('s2.key', '=', key)
            .whereRef('ls.link_id', '=', 'l.id'),
        ),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => r.id);
}

/** `exists` an event of one of the types whose date may fall within the range. */
function eventInRange(types: readonly string[], range: DayRange) {
  return sql<boolean>`exists (select 1 from link_events e where e.link_id = l.id and e.type in (${sql.join(
    types,
  )}) and e.date_end >= ${range.from ?? -99999999} and e.date_start <= ${range.to ?? 99999999})`;
}

/** The keys of the sources behind each link: citations of the link and its events, and import sources. */
export async function sourceKeysOfLinks(
  db: Kysely<DB>,
  linkIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byLink = new Map<number, Set<string>>();
  if (linkIds.length === 0) return new Map();
  const ids = [...linkIds];
  const add = (linkId: number, key: string): void => {
    const keys = byLink.get(linkId) ?? new Set<string>();
    keys.add(key);
    byLink.set(linkId, keys);
  };
  const onLinks = await db
    .selectFrom('citations as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .select(['c.entity_id as link_id', 's.key'])
    .where('c.entity_type', '=', 'link')
    .where('c.entity_id', 'in', ids)
    .execute();
  const onEvents = await db
    .selectFrom('citations as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .innerJoin('link_events as e', 'e.id', 'c.entity_id')
    .select(['e.link_id', 's.key'])
    .where('c.entity_type', '=', 'event')
    .where('e.link_id', 'in', ids)
    .execute();
  const imported = await db
    .selectFrom('link_sources as ls')
    .innerJoin('sources as s', 's.id', 'ls.source_id')
    .select(['ls.link_id', 's.key'])
    .where('ls.link_id', 'in', ids)
    .execute();
  for (const r of [...onLinks, ...onEvents, ...imported]) add(r.link_id, r.key);
  return new Map([...byLink].map(([id, keys]) => [id, [...keys].sort()]));
}
