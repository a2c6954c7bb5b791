import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** The names of some localities, in the order they were added. */
function namesOf(db: Kysely<DB>, localityIds: readonly number[]) {
  return db
    .selectFrom('locality_names')
    .select(['locality_id', 'name', 'is_primary'])
    .where('locality_id', 'in', [...localityIds])
    .orderBy('id')
    .execute();
}

/** One page of localities after an id, with their names and their best match. */
export async function localityPage(db: Kysely<DB>, afterId: number, size: number) {
  const rows = await db
    .selectFrom('localities')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(size)
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { rows, names: [], matches: [] };
  const names = await namesOf(db, ids);
  const matches = await db
    .selectFrom('source_places')
    .select(['locality_id', 'method', 'confidence', 'doubtful'])
    .where('locality_id', 'in', ids)
    .orderBy('confidence', 'desc')
    .execute();
  return { rows, names, matches };
}

/** One page of links after an id, with both ends' keys and names, their events and their sources. */
export async function linkPage(db: Kysely<DB>, afterId: number, size: number) {
  const rows = await db
    .selectFrom('links')
    .innerJoin('localities as a', 'a.id', 'links.a_id')
    .innerJoin('localities as b', 'b.id', 'links.b_id')
    .select([
      'links.id',
      'links.a_id',
      'links.b_id',
      'links.kind',
      'a.key as a_key',
      'b.key as b_key',
      'a.country as a_country',
      'b.country as b_country',
    ])
    .where('links.id', '>', afterId)
    .orderBy('links.id')
    .limit(size)
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { rows, names: [], events: [], sources: [], cited: [] };
  const names = await namesOf(
    db,
    rows.flatMap((l) => [l.a_id, l.b_id]),
  );
  const events = await db
    .selectFrom('link_events')
    .select(['link_id', 'type', 'date'])
    .where('link_id', 'in', ids)
    .execute();
  const sources = await db
    .selectFrom('link_sources')
    .innerJoin('sources', 'sources.id', 'link_sources.source_id')
    .select([
      'link_sources.link_id',
      'sources.key',
      'link_sources.a_lists_b',
      'link_sources.b_lists_a',
      'link_sources.undirected',
    ])
    .where('link_sources.link_id', 'in', ids)
    .execute();
  const cited = await db
    .selectFrom('citations')
    .innerJoin('sources', 'sources.id', 'citations.source_id')
    .select(['citations.entity_id as link_id', 'sources.key'])
    .where('citations.entity_type', '=', 'link')
    .where('citations.entity_id', 'in', ids)
    .execute();
  return { rows, names, events, sources, cited };
}
