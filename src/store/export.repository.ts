import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

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
  const names =
    ids.length === 0
      ? []
      : await db
          .selectFrom('locality_names')
          .select(['locality_id', 'name', 'is_primary'])
          .where('locality_id', 'in', ids)
          .orderBy('id')
          .execute();
  const matches =
    ids.length === 0
      ? []
      : await db
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
  const names =
    ids.length === 0
      ? []
      : await db
          .selectFrom('locality_names')
          .select(['locality_id', 'name', 'is_primary'])
          .where(
            'locality_id',
            'in',
            rows.flatMap((l) => [l.a_id, l.b_id]),
          )
          .orderBy('id')
          .execute();
  const events =
    ids.length === 0
      ? []
      : await db
          .selectFrom('link_events')
          .select(['link_id', 'type', 'date'])
          .where('link_id', 'in', ids)
          .execute();
  const sources =
    ids.length === 0
      ? []
      : await db
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
  const cited =
    ids.length === 0
      ? []
      : await db
          .selectFrom('citations')
          .innerJoin('sources', 'sources.id', 'citations.source_id')
          .select(['citations.entity_id as link_id', 'sources.key'])
          .where('citations.entity_type', '=', 'link')
          .where('citations.entity_id', 'in', ids)
          .execute();
  return { rows, names, events, sources, cited };
}
