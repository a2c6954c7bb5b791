import type { Kysely } from 'kysely';
import { searchNameIndex } from '../../store/name-index.repository.js';
import type { DB } from '../../store/schema.js';

/** A locality in a list or a search result. */
export interface LocalityListItem {
  id: number;
  key: string;
  name: string;
  /** The name the search text matched (any language, historical ones included); null when browsing. */
  matched: string | null;
  matchedLang: string | null;
  kind: string;
  country: string | null;
  population: number | null;
}

/** A page of localities and the id to continue after (null on the last page, and for a search). */
export interface LocalityPage {
  items: LocalityListItem[];
  nextAfterId: number | null;
}

/** What to list: search text (as typed), filters, and a page. */
export interface LocalityListQuery {
  text?: string;
  country?: string;
  kind?: string;
  afterId: number;
  limit: number;
}

/**
 * With text, search as you type: localities one of whose names has a word starting with the text, ranked
 * by how much of a name it matched and then by population (one page, no cursor). Without text, every
 * locality matching the filters, in id order, a page at a time.
 */
export async function listLocalities(db: Kysely<DB>, query: LocalityListQuery): Promise<LocalityPage> {
  if (query.text !== undefined) {
    const matches = await searchNameIndex(db, {
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
