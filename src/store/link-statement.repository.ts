import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** A source that states a link (an imported list or statement file), with when it was retrieved. */
export interface StatingSource {
  sourceKey: string;
  title: string;
  url: string | null;
  /** When the source was retrieved or published (YYYY, YYYY-MM or YYYY-MM-DD), if known. */
  retrieved: string | null;
  /** The first line of the source's file that states the link. */
  firstLine: number | null;
  /** Which side lists the other in a directed source; `both` for mutual or undirected statements. */
  listedBy: 'a' | 'b' | 'both';
}

/** The columns a stating source is read from: a link_sources row joined to its source. */
export interface StatingSourceRow {
  key: string;
  title: string;
  url: string | null;
  retrieved: string | null;
  first_line: number | null;
  a_lists_b: number;
  b_lists_a: number;
  undirected: number;
}

/** A link_sources row joined to its source, as a stating source. */
export function statingSourceOf(r: StatingSourceRow): StatingSource {
  const oneSided = r.undirected === 0 && r.a_lists_b !== r.b_lists_a;
  return {
    sourceKey: r.key,
    title: r.title,
    url: r.url,
    retrieved: r.retrieved,
    firstLine: r.first_line,
    listedBy: !oneSided ? 'both' : r.a_lists_b === 1 ? 'a' : 'b',
  };
}

/** The columns of link_sources joined to sources that `statingSourceOf` reads, with the link's id. */
export const STATING_COLUMNS = [
  'ls.link_id',
  's.key',
  's.title',
  's.url',
  's.retrieved',
  'ls.first_line',
  'ls.a_lists_b',
  'ls.b_lists_a',
  'ls.undirected',
] as const;

/** The sources that state each of these links (link_sources), in the order they were imported. */
export async function statingSourcesOf(
  db: Kysely<DB>,
  linkIds: readonly number[],
): Promise<Map<number, StatingSource[]>> {
  const byLink = new Map<number, StatingSource[]>();
  for (let i = 0; i < linkIds.length; i += 1000) {
    const rows = await db
      .selectFrom('link_sources as ls')
      .innerJoin('sources as s', 's.id', 'ls.source_id')
      .select(STATING_COLUMNS)
      .where('ls.link_id', 'in', linkIds.slice(i, i + 1000))
      .orderBy('ls.id')
      .execute();
    for (const r of rows) {
      const list = byLink.get(r.link_id) ?? [];
      list.push(statingSourceOf(r));
      byLink.set(r.link_id, list);
    }
  }
  return byLink;
}
