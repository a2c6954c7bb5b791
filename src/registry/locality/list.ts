import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { Nullable, NullableString } from '../../core/shapes.js';
import { searchNameIndex, type NameMatch, type NameQuery } from '../../store/name-index.repository.js';
import type { DB } from '../../store/schema.js';
import type { IdPage } from '../id-page.js';

/** A locality in a list or a search result; `matched` is the name the search text matched (any language, historical ones included), null when browsing. */
export const LocalityListItem = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  matched: NullableString,
  matchedLang: NullableString,
  kind: Type.String(),
  country: NullableString,
  population: Nullable(Type.Number()),
});
export type LocalityListItem = Static<typeof LocalityListItem>;

/** What to list: search text (as typed), filters, and a page. */
export interface LocalityQuery {
  text?: string;
  country?: string;
  kind?: string;
  afterId: number;
  limit: number;
}

/**
 * With text, search as you type: localities one of whose names has a word starting with the text, ranked
 * by how much of a name it matched and then by population (one page, no cursor). Without text, every
 * locality matching the filters, in id order, a page at a time. `search` answers the text (by default the
 * word index in the database; the API passes its copy in memory, which answers the same).
 */
export async function listLocalities(
  db: Kysely<DB>,
  query: LocalityQuery,
  search: (query: NameQuery) => Promise<NameMatch[]> = (q) => searchNameIndex(db, q),
): Promise<IdPage<LocalityListItem>> {
  if (query.text !== undefined) {
    const matches = await search({
      text: query.text,
      limit: query.limit,
      country: query.country,
      kind: query.kind,
    });
    return {
      items: matches.map((m) => ({
        id: m.localityId,
        key: m.key,
        name: m.name,
        matched: m.matched,
        matchedLang: m.matchedLang,
        kind: m.kind,
        country: m.country,
        population: m.population,
      })),
      nextAfterId: null,
    };
  }
  let rows = db
    .selectFrom('localities as l')
    .select([
      'l.id',
      'l.key',
      'l.kind',
      'l.country',
      'l.population',
      (eb) =>
        eb
          .selectFrom('locality_names as n')
          .select('n.name')
          .whereRef('n.locality_id', '=', 'l.id')
          .orderBy('n.is_primary', 'desc')
          .orderBy('n.id')
          .limit(1)
          .as('name'),
    ])
    .where('l.id', '>', query.afterId)
    .orderBy('l.id')
    .limit(query.limit + 1);
  if (query.country !== undefined) rows = rows.where('l.country', '=', query.country);
  if (query.kind !== undefined) rows = rows.where('l.kind', '=', query.kind);
  const found = await rows.execute();
  const page = found.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      key: r.key,
      name: r.name ?? r.key,
      matched: null,
      matchedLang: null,
      kind: r.kind,
      country: r.country,
      population: r.population === null ? null : Number(r.population),
    })),
    nextAfterId: found.length > query.limit ? page.at(-1)!.id : null,
  };
}
