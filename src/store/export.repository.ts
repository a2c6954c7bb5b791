import type { Kysely } from 'kysely';
import { chunks } from './chunks.js';
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

/** For each of some links, the directed sources in which only one side lists the other, by source key. */
export async function oneSidedSourcesOf(
  db: Kysely<DB>,
  linkIds: readonly number[],
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  for (const part of chunks([...new Set(linkIds)], 500)) {
    const rows = await db
      .selectFrom('link_sources')
      .innerJoin('sources', 'sources.id', 'link_sources.source_id')
      .select(['link_sources.link_id', 'sources.key'])
      .where('link_sources.link_id', 'in', part)
      .where('link_sources.undirected', '=', 0)
      .whereRef('link_sources.a_lists_b', '!=', 'link_sources.b_lists_a')
      .orderBy('sources.key')
      .execute();
    for (const r of rows) result.set(r.link_id, [...(result.get(r.link_id) ?? []), r.key]);
  }
  return result;
}
