import type { Kysely } from 'kysely';
import { foldText } from '../core/text-fold.js';
import { StringTable } from './copies/string-table.js';
import { LISTED_PREFIX, readNameIndexData, type NameIndexData } from './name-index-data.js';
import type { NameMatch, NameQuery } from './name-index.repository.js';
import type { DB } from './schema.js';

type Rank = NameMatch['rank'];

/**
 * The search's word index (locality_name_words) held in memory as typed arrays (store/name-index-data.ts): for
 * each start flag, the rows of every word prefix up to LISTED_PREFIX characters and of every whole word, in
 * ranking order, so that a search reads a list from its head and stops at the page. It answers exactly as
 * `searchNameIndex` does over the same rows (the same ranks, order, filters and names); it is a copy, so its
 * owner must drop it when the data changes.
 */
export class NameMemoryIndex {
  /** The data's string tables, read in place. */
  readonly #words: StringTable;
  readonly #prefixes: StringTable;
  readonly #keys: StringTable;
  readonly #names: StringTable;

  private constructor(private readonly data: NameIndexData) {
    this.#words = new StringTable(data.words);
    this.#prefixes = new StringTable(data.prefixes);
    this.#keys = new StringTable(data.placeKey);
    this.#names = new StringTable(data.names);
  }

  /** How many word rows it holds. */
  get size(): number {
    return this.data.rowWord.length;
  }

  /** The index over data read by `readNameIndexData` (on any thread): no work beyond holding it. */
  static fromData(data: NameIndexData): NameMemoryIndex {
    return new NameMemoryIndex(data);
  }

  /** Reads and builds the index on this thread (tests, and a database no other thread can open). */
  static async load(db: Kysely<DB>): Promise<NameMemoryIndex> {
    return NameMemoryIndex.fromData((await readNameIndexData(db)).data);
  }

  /** The same answer as `searchNameIndex(db, query)` on the rows this index was loaded from. */
  search(query: NameQuery): NameMatch[] {
    const folded = foldText(query.text);
    if (folded === '' || query.limit <= 0) return [];
    const d = this.data;
    // Place index -> its best hit, as name index * 4 + rank.
    const best = new Map<number, number>();
    const chars = [...folded];
    const long = chars.length > LISTED_PREFIX;
    const word = this.#words.indexOf(folded);
    if (word >= 0)
      this.#take(d.exactRows, d.exactStarts[word]!, d.exactStarts[word + 1]!, 0, undefined, query, best);
    if (best.size < query.limit) {
      const prefix = this.#prefixes.indexOf(long ? chars.slice(0, LISTED_PREFIX).join('') : folded);
      // A longer text keeps the rows of its words alone: a range of the sorted words.
      const words = long ? this.#words.prefixRange(folded) : undefined;
      for (const rank of [1, 2] as const) {
        if (prefix < 0 || best.size >= query.limit) break;
        const at = 2 * prefix + rank - 1;
        this.#take(d.prefixRows, d.prefixStarts[at]!, d.prefixStarts[at + 1]!, rank, words, query, best);
      }
    }
    const answer: NameMatch[] = [];
    for (const [place, hit] of best) {
      const matched = hit >> 2;
      const country = d.placeCountry[place]!;
      const population = d.placePopulation[place]!;
      answer.push({
        localityId: d.placeId[place]!,
        key: this.#keys.get(place),
        kind: d.kinds[d.placeKind[place]!]!,
        country: country === 0 ? null : d.countries[country - 1]!,
        population: Number.isNaN(population) ? null : population,
        name: this.#names.get(d.placeName[place]!),
        matched: this.#names.get(matched),
        matchedLang: d.langs[d.nameLang[matched]!]!,
        rank: (hit & 3) as Rank,
      });
    }
    return answer;
  }

  /**
   * Adds the places of list[from, to)'s rows, in order, that pass the filters (a word in `words`, the query's
   * country and kind), until the page is full.
   */
  #take(
    list: Int32Array,
    from: number,
    to: number,
    rank: Rank,
    words: [number, number] | undefined,
    query: NameQuery,
    best: Map<number, number>,
  ): void {
    const d = this.data;
    const country = query.country === undefined ? -1 : d.countries.indexOf(query.country) + 1;
    const kind = query.kind === undefined ? -1 : d.kinds.indexOf(query.kind);
    for (let i = from; i < to && best.size < query.limit; i++) {
      const row = list[i]!;
      const place = d.rowPlace[row]!;
      if (best.has(place)) continue;
      if (words && (d.rowWord[row]! < words[0] || d.rowWord[row]! >= words[1])) continue;
      // A country or kind the index does not hold (code 0 or -1) matches no place.
      if (query.country !== undefined && (country <= 0 || d.placeCountry[place] !== country)) continue;
      if (query.kind !== undefined && (kind < 0 || d.placeKind[place] !== kind)) continue;
      best.set(place, d.rowName[row]! * 4 + rank);
    }
  }
}
