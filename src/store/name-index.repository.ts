import { type Kysely } from 'kysely';
import { foldText } from '../core/text-fold.js';
import type { DB } from './schema.js';

/** Scripts written without spaces between words: every character may begin a word. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Enough for any real place name; a pathological one is still found by its first words. */
const MAX_STARTS = 24;
/** Texts this short are looked up by their exact head, in population order, stopping at the page. */
const HEAD_LENGTH = 2;

/**
 * The suffixes of a folded name that begin at a word start, the whole name first:
 * `saint etienne du rouvray` → `saint etienne du rouvray`, `etienne du rouvray`, `du rouvray`, `rouvray`.
 * A word starts after anything that is not a letter or digit, and at every character of Han, kana or Thai.
 */
export function wordStarts(folded: string): string[] {
  const chars = [...folded];
  const starts = [folded];
  let offset = 0;
  for (let i = 0; i < chars.length && starts.length < MAX_STARTS; i++) {
    const char = chars[i]!;
    if (i > 0 && WORD_CHAR.test(char) && (UNSPACED.test(char) || !WORD_CHAR.test(chars[i - 1]!))) {
      starts.push(folded.slice(offset));
    }
    offset += char.length;
  }
  return starts;
}

/** The first `n` characters of a text (code points). */
export const head = (text: string, n: number): string => [...text].slice(0, n).join('');

/** What to search for: typed text, and optional filters on the locality. */
export interface NameQuery {
  text: string;
  limit: number;
  country?: string;
  kind?: string;
}

/** A locality found by one of its names, with what the ranking used. */
export interface NameMatch {
  localityId: number;
  key: string;
  kind: string;
  country: string | null;
  population: number | null;
  /** The locality's primary name. */
  name: string;
  /** The name whose word the text began. */
  matched: string;
  matchedLang: string;
  /** 0 the whole name, 1 the start of a name, 2 the start of a later word. */
  rank: 0 | 1 | 2;
}

type Rank = NameMatch['rank'];

/**
 * The best `limit` name rows of one rank, largest places first: (name id, locality id). Each is one
 * ordered index scan that stops at the limit: an exact head for texts of one or two characters (which
 * match thousands of words), a prefix range otherwise (a few hundred at most), an equality for rank 0.
 */
async function rankedNames(
  db: Kysely<DB>,
  folded: string,
  rank: Rank,
  query: NameQuery,
  limit: number,
): Promise<{ name_id: number; locality_id: number }[]> {
  const length = [...folded].length;
  let rows = db
    .selectFrom('locality_name_words as w')
    .innerJoin('locality_names as n', 'n.id', 'w.name_id')
    .select(['w.name_id', 'n.locality_id'])
    .where('w.is_start', '=', rank === 2 ? 0 : 1)
    .orderBy('w.population', 'desc')
    .orderBy('w.name_id')
    .limit(limit);
  if (rank === 0) rows = rows.where('w.word', '=', folded);
  else if (length === 1) rows = rows.where('w.head1', '=', folded);
  else if (length === HEAD_LENGTH) rows = rows.where('w.head2', '=', folded);
  else rows = rows.where('w.word', '>=', folded).where('w.word', '<', `${folded}\u{10FFFF}`);
  if (query.country !== undefined || query.kind !== undefined) {
    let filtered = rows.innerJoin('localities as l', 'l.id', 'n.locality_id');
    if (query.country !== undefined) filtered = filtered.where('l.country', '=', query.country);
    if (query.kind !== undefined) filtered = filtered.where('l.kind', '=', query.kind);
    return filtered.execute();
  }
  return rows.execute();
}

/**
 * Localities one of whose names (any language, any period) has a word beginning with the folded text;
 * best first: whole-name matches, then name prefixes, then later-word prefixes, larger places first within
 * a rank. Each rank is read from the word index in population order and stops as soon as it has enough
 * distinct localities, so a one-letter text costs no more than a long one.
 */
export async function searchNameIndex(db: Kysely<DB>, query: NameQuery): Promise<NameMatch[]> {
  const folded = foldText(query.text);
  if (folded === '' || query.limit <= 0) return [];
  const best = new Map<number, { nameId: number; rank: Rank }>();
  for (const rank of [0, 1, 2] as const) {
    let fetch = query.limit * 2;
    for (;;) {
      const rows = await rankedNames(db, folded, rank, query, fetch);
      const found = new Map(best);
      for (const r of rows)
        if (!found.has(r.locality_id)) found.set(r.locality_id, { nameId: r.name_id, rank });
      // A locality with several matching names fills several rows: read further until the page is full.
      if (found.size >= query.limit || rows.length < fetch) {
        for (const [id, hit] of found) best.set(id, hit);
        break;
      }
      fetch *= 4;
    }
    if (best.size >= query.limit) break;
  }
  const chosen = [...best].slice(0, query.limit);
  if (chosen.length === 0) return [];
  const rows = await db
    .selectFrom('localities as l')
    .innerJoin('locality_names as m', 'm.locality_id', 'l.id')
    .select([
      'l.id',
      'l.key',
      'l.kind',
      'l.country',
      'l.population',
      'm.id as name_id',
      'm.name',
      'm.lang',
      'm.is_primary',
    ])
    .where(
      'l.id',
      'in',
      chosen.map(([id]) => id),
    )
    .orderBy('m.id')
    .execute();
  return chosen.map(([localityId, hit]) => {
    const names = rows.filter((r) => r.id === localityId);
    const matched = names.find((r) => r.name_id === hit.nameId) ?? names[0]!;
    const primary = names.find((r) => r.is_primary === 1) ?? names[0]!;
    return {
      localityId,
      key: matched.key,
      kind: matched.kind,
      country: matched.country,
      population: matched.population === null ? null : Number(matched.population),
      name: primary.name,
      matched: matched.name,
      matchedLang: matched.lang,
      rank: hit.rank,
    };
  });
}
