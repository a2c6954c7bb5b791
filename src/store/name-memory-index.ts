import type { Kysely } from 'kysely';
import { foldText } from '../core/text-fold.js';
import type { NameMatch, NameQuery } from './name-index.repository.js';
import type { DB } from './schema.js';

/** Prefixes up to this many characters have a list of their own; a longer text filters its first ones' list. */
const LISTED_PREFIX = 4;
/** Rows read a query at a time while loading, so that no read holds the event loop long. */
const PAGE = 20_000;

type Rank = NameMatch['rank'];

/** The rows of the word index, in columns; row i is the i-th in ranking order (population desc, name id). */
interface Words {
  word: string[];
  nameId: Int32Array;
  localityId: Int32Array;
}

/** A locality as a search result shows it. */
interface Place {
  key: string;
  kind: string;
  country: string | null;
  population: number | null;
  /** Its names in id order: [id, name, lang, primary]. */
  names: [number, string, string, boolean][];
}

/** Code point prefixes of a word, one to LISTED_PREFIX characters. */
function prefixes(word: string): string[] {
  const out: string[] = [];
  let text = '';
  for (const char of word) {
    text += char;
    out.push(text);
    if (out.length === LISTED_PREFIX) break;
  }
  return out;
}

/**
 * The search's word index (locality_name_words) held in memory: for each start flag, the rows of every word
 * prefix up to LISTED_PREFIX characters and of every whole word, in ranking order, so that a search reads a
 * list from its head and stops at the page. It answers exactly as `searchNameIndex` does over the same rows
 * (the same ranks, order, filters and names); it is a copy, so its owner must drop it when the data changes.
 */
export class NameMemoryIndex {
  private constructor(
    private readonly words: Words,
    /** Row numbers by `${isStart}${prefix}` (prefixes) and `=${word}` (whole words at a name start). */
    private readonly lists: Map<string, Int32Array>,
    private readonly places: Map<number, Place>,
  ) {}

  /** How many word rows it holds. */
  get size(): number {
    return this.words.word.length;
  }

  /** Reads the word index, the names and the localities, a page at a time, and builds the lists. */
  static async load(db: Kysely<DB>): Promise<NameMemoryIndex> {
    const rows: {
      word: string;
      is_start: number;
      population: number;
      name_id: number;
      locality_id: number;
    }[] = [];
    for (let after = 0; ;) {
      const page = await db
        .selectFrom('locality_name_words as w')
        .innerJoin('locality_names as n', 'n.id', 'w.name_id')
        .select(['w.id', 'w.word', 'w.is_start', 'w.population', 'w.name_id', 'n.locality_id'])
        .where('w.id', '>', after)
        .orderBy('w.id')
        .limit(PAGE)
        .execute();
      for (const r of page) rows.push({ ...r, population: Number(r.population) });
      if (page.length < PAGE) break;
      after = page.at(-1)!.id;
    }
    rows.sort((x, y) => y.population - x.population || x.name_id - y.name_id);
    const words: Words = {
      word: rows.map((r) => r.word),
      nameId: Int32Array.from(rows, (r) => r.name_id),
      localityId: Int32Array.from(rows, (r) => r.locality_id),
    };
    const building = new Map<string, number[]>();
    const add = (key: string, row: number): void => {
      const list = building.get(key);
      if (list) list.push(row);
      else building.set(key, [row]);
    };
    rows.forEach((r, row) => {
      for (const prefix of prefixes(r.word)) add(`${r.is_start}${prefix}`, row);
      if (r.is_start === 1) add(`=${r.word}`, row);
    });
    const lists = new Map<string, Int32Array>();
    for (const [key, list] of building) lists.set(key, Int32Array.from(list));
    return new NameMemoryIndex(words, lists, await loadPlaces(db));
  }

  /** The same answer as `searchNameIndex(db, query)` on the rows this index was loaded from. */
  search(query: NameQuery): NameMatch[] {
    const folded = foldText(query.text);
    if (folded === '' || query.limit <= 0) return [];
    const best = new Map<number, { nameId: number; rank: Rank }>();
    const long = [...folded].length > LISTED_PREFIX;
    for (const rank of [0, 1, 2] as const) {
      const list =
        rank === 0
          ? this.lists.get(`=${folded}`)
          : this.lists.get(`${rank === 2 ? 0 : 1}${long ? prefixes(folded).at(-1)! : folded}`);
      if (list) this.#take(list, rank, folded, long && rank !== 0, query, best);
      if (best.size >= query.limit) break;
    }
    return [...best].map(([localityId, hit]) => {
      const place = this.places.get(localityId)!;
      const matched = place.names.find((n) => n[0] === hit.nameId) ?? place.names[0]!;
      const primary = place.names.find((n) => n[3]) ?? place.names[0]!;
      return {
        localityId,
        key: place.key,
        kind: place.kind,
        country: place.country,
        population: place.population,
        name: primary[1],
        matched: matched[1],
        matchedLang: matched[2],
        rank: hit.rank,
      };
    });
  }

  /** Adds the localities of a list's rows, in order, that pass the filters, until the page is full. */
  #take(
    list: Int32Array,
    rank: Rank,
    folded: string,
    filterPrefix: boolean,
    query: NameQuery,
    best: Map<number, { nameId: number; rank: Rank }>,
  ): void {
    const filtered = query.country !== undefined || query.kind !== undefined;
    for (let i = 0; i < list.length && best.size < query.limit; i++) {
      const row = list[i]!;
      const localityId = this.words.localityId[row]!;
      if (best.has(localityId)) continue;
      if (filterPrefix && !this.words.word[row]!.startsWith(folded)) continue;
      if (filtered) {
        const place = this.places.get(localityId);
        if (!place) continue;
        if (query.country !== undefined && place.country !== query.country) continue;
        if (query.kind !== undefined && place.kind !== query.kind) continue;
      }
      best.set(localityId, { nameId: this.words.nameId[row]!, rank });
    }
  }
}

/** Every locality with its names, a page at a time. */
async function loadPlaces(db: Kysely<DB>): Promise<Map<number, Place>> {
  const places = new Map<number, Place>();
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('localities')
      .select(['id', 'key', 'kind', 'country', 'population'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      places.set(r.id, {
        key: r.key,
        kind: r.kind,
        country: r.country,
        population: r.population === null ? null : Number(r.population),
        names: [],
      });
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('locality_names')
      .select(['id', 'locality_id', 'name', 'lang', 'is_primary'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const n of page) places.get(n.locality_id)?.names.push([n.id, n.name, n.lang, n.is_primary === 1]);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return places;
}
