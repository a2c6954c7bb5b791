import type { Kysely } from 'kysely';
import { stringTable, tableBuffers, type StringTable } from './copies/string-table.js';
import type { DB } from './schema.js';

/** Prefixes up to this many characters have a list of their own; a longer text filters its first ones' list. */
export const LISTED_PREFIX = 4;
/** Rows read a query at a time. */
const PAGE = 20_000;

/**
 * The search's word index (locality_name_words) with what a result shows, as typed arrays and string tables: no
 * object or string per row, so that it is small, is built on a worker thread and is moved to the server's thread
 * without a copy. Rows are numbered in ranking order (the word's population descending, then name id, then row
 * id); a list is a run of row numbers in that order.
 */
export interface NameIndexData {
  /** Row r's word (in `words`), the name it was matched in (in `names`) and its locality (in `places`). */
  rowWord: Int32Array;
  rowName: Int32Array;
  rowPlace: Int32Array;
  /** The distinct words, sorted by code units: the words starting with a text are a range of them. */
  words: StringTable;
  /** The rows of word w at a name's start: exactRows[exactStarts[w], exactStarts[w + 1]). */
  exactStarts: Int32Array;
  exactRows: Int32Array;
  /** The distinct prefixes (1 to LISTED_PREFIX code points) of every word, sorted by code units. */
  prefixes: StringTable;
  /**
   * Prefix p's rows at a name's start: prefixRows[prefixStarts[2p], prefixStarts[2p + 1]); its rows elsewhere
   * in a name: prefixRows[prefixStarts[2p + 1], prefixStarts[2p + 2]).
   */
  prefixStarts: Int32Array;
  prefixRows: Int32Array;
  /** Place i: its locality id, key, kind (in `kinds`), country (in `countries`, plus one; 0 for none),
   * population (NaN for none) and primary name (in `names`). */
  placeId: Int32Array;
  placeKey: StringTable;
  placeKind: Uint16Array;
  placeCountry: Uint16Array;
  placePopulation: Float64Array;
  placeName: Int32Array;
  /** Name i's text and its language (in `langs`). */
  names: StringTable;
  nameLang: Uint16Array;
  kinds: string[];
  countries: string[];
  langs: string[];
}

/** Code point prefixes of a word, one to LISTED_PREFIX characters. */
export function prefixesOf(word: string): string[] {
  const out: string[] = [];
  let text = '';
  for (const char of word) {
    text += char;
    out.push(text);
    if (out.length === LISTED_PREFIX) break;
  }
  return out;
}

/** Numbers strings in the order first seen, as codes a Uint16Array holds. */
class Codes {
  readonly values: string[] = [];
  readonly #codes = new Map<string, number>();
  code(value: string): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code >= 0xfffe) throw new Error(`more than ${code} distinct values of a coded column`);
      this.values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }
}

interface WordRows {
  word: string[];
  isStart: number[];
  population: number[];
  nameId: number[];
  localityId: number[];
}

interface Locality {
  key: string;
  kind: string;
  country: string | null;
  population: number | null;
  /** Its first name, and its first primary name, by id. */
  firstName?: number;
  primaryName?: number;
}

interface Name {
  localityId: number;
  name: string;
  lang: string;
}

/** The word index's rows with their names' localities, in id order, a page at a time. */
async function readWordRows(db: Kysely<DB>): Promise<WordRows> {
  const rows: WordRows = { word: [], isStart: [], population: [], nameId: [], localityId: [] };
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('locality_name_words as w')
      .innerJoin('locality_names as n', 'n.id', 'w.name_id')
      .select(['w.id', 'w.word', 'w.is_start', 'w.population', 'w.name_id', 'n.locality_id'])
      .where('w.id', '>', after)
      .orderBy('w.id')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      rows.word.push(r.word);
      rows.isStart.push(r.is_start);
      rows.population.push(Number(r.population));
      rows.nameId.push(r.name_id);
      rows.localityId.push(r.locality_id);
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return rows;
}

/** Every locality and every name, a page at a time. */
async function readPlaces(
  db: Kysely<DB>,
): Promise<{ localities: Map<number, Locality>; names: Map<number, Name> }> {
  const localities = new Map<number, Locality>();
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('localities')
      .select(['id', 'key', 'kind', 'country', 'population'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      const population = r.population === null ? null : Number(r.population);
      localities.set(r.id, { key: r.key, kind: r.kind, country: r.country, population });
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const names = new Map<number, Name>();
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('locality_names')
      .select(['id', 'locality_id', 'name', 'lang', 'is_primary'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const n of page) {
      const locality = localities.get(n.locality_id);
      if (!locality) continue;
      names.set(n.id, { localityId: n.locality_id, name: n.name, lang: n.lang });
      locality.firstName ??= n.id;
      if (n.is_primary === 1) locality.primaryName ??= n.id;
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  return { localities, names };
}

/** `count` lists as one array of row numbers and where each starts; each(row, add) adds a row to its lists. */
function compressedLists(
  count: number,
  rows: number,
  each: (row: number, add: (list: number) => void) => void,
): { starts: Int32Array; rows: Int32Array } {
  const starts = new Int32Array(count + 1);
  for (let row = 0; row < rows; row++) each(row, (list) => (starts[list + 1] = starts[list + 1]! + 1));
  for (let list = 0; list < count; list++) starts[list + 1] = starts[list + 1]! + starts[list]!;
  const out = new Int32Array(starts[count]!);
  const next = starts.slice(0, count);
  for (let row = 0; row < rows; row++) {
    each(row, (list) => {
      out[next[list]!] = row;
      next[list] = next[list]! + 1;
    });
  }
  return { starts, rows: out };
}

/**
 * Reads the word index, the localities and their names, and builds the search's copy of them (NameIndexData)
 * with the buffers to move it by. Rows whose name or locality is not read (a change during the read, after which
 * the copy is dropped anyway) are left out.
 */
export async function readNameIndexData(
  db: Kysely<DB>,
): Promise<{ data: NameIndexData; transfer: ArrayBuffer[] }> {
  const read = await readWordRows(db);
  const { localities, names } = await readPlaces(db);
  // Ranking order; rows were read in id order, and the sort is stable.
  const order = read.word
    .map((_, i) => i)
    .filter((i) => {
      const locality = localities.get(read.localityId[i]!);
      return locality?.firstName !== undefined;
    })
    .sort((x, y) => read.population[y]! - read.population[x]! || read.nameId[x]! - read.nameId[y]!);
  const rowCount = order.length;

  const placeCodes = new Map<number, number>();
  const nameCodes = new Map<number, number>();
  const nameIds: number[] = [];
  const nameIndex = (id: number): number => {
    let code = nameCodes.get(id);
    if (code === undefined) {
      code = nameIds.length;
      nameIds.push(id);
      nameCodes.set(id, code);
    }
    return code;
  };
  const placeIds: number[] = [];
  const rowPlace = new Int32Array(rowCount);
  const rowName = new Int32Array(rowCount);
  order.forEach((i, row) => {
    const localityId = read.localityId[i]!;
    let place = placeCodes.get(localityId);
    if (place === undefined) {
      place = placeIds.length;
      placeIds.push(localityId);
      placeCodes.set(localityId, place);
    }
    rowPlace[row] = place;
    // The name the word is in, or (if it is gone) the locality's first, as the search by row would show.
    const name = names.get(read.nameId[i]!);
    rowName[row] = nameIndex(
      name?.localityId === localityId ? read.nameId[i]! : localities.get(localityId)!.firstName!,
    );
  });

  const kinds = new Codes();
  const countries = new Codes();
  const langs = new Codes();
  const places = placeIds.map((id) => localities.get(id)!);
  const placeName = Int32Array.from(places, (p) => nameIndex(p.primaryName ?? p.firstName!));
  const nameList = nameIds.map((id) => names.get(id)!);

  const distinct = [...new Set(read.word)].sort();
  const wordCodes = new Map(distinct.map((word, w) => [word, w]));
  const rowWord = Int32Array.from(order, (i) => wordCodes.get(read.word[i]!)!);
  const rowStart = Uint8Array.from(order, (i) => read.isStart[i]!);
  const exact = compressedLists(distinct.length, rowCount, (row, add) => {
    if (rowStart[row] === 1) add(rowWord[row]!);
  });

  const prefixOfWord = distinct.map(prefixesOf);
  const prefixList = [...new Set(prefixOfWord.flat())].sort();
  const prefixCodes = new Map(prefixList.map((prefix, p) => [prefix, p]));
  const wordPrefixes = prefixOfWord.map((list) => list.map((prefix) => prefixCodes.get(prefix)!));
  const prefix = compressedLists(2 * prefixList.length, rowCount, (row, add) => {
    const side = rowStart[row] === 1 ? 0 : 1;
    for (const p of wordPrefixes[rowWord[row]!]!) add(2 * p + side);
  });

  const data: NameIndexData = {
    rowWord,
    rowName,
    rowPlace,
    words: stringTable(distinct),
    exactStarts: exact.starts,
    exactRows: exact.rows,
    prefixes: stringTable(prefixList),
    prefixStarts: prefix.starts,
    prefixRows: prefix.rows,
    placeId: Int32Array.from(placeIds),
    placeKey: stringTable(places.map((p) => p.key)),
    placeKind: Uint16Array.from(places, (p) => kinds.code(p.kind)),
    placeCountry: Uint16Array.from(places, (p) => (p.country === null ? 0 : countries.code(p.country) + 1)),
    placePopulation: Float64Array.from(places, (p) => p.population ?? NaN),
    placeName,
    names: stringTable(nameList.map((n) => n.name)),
    nameLang: Uint16Array.from(nameList, (n) => langs.code(n.lang)),
    kinds: kinds.values,
    countries: countries.values,
    langs: langs.values,
  };
  const transfer = [
    ...[data.rowWord, data.rowName, data.rowPlace, data.exactStarts, data.exactRows, data.prefixStarts],
    ...[
      data.prefixRows,
      data.placeId,
      data.placeKind,
      data.placeCountry,
      data.placePopulation,
      data.placeName,
    ],
    data.nameLang,
  ].map((array) => array.buffer as ArrayBuffer);
  for (const table of [data.words, data.prefixes, data.placeKey, data.names])
    transfer.push(...tableBuffers(table));
  return { data, transfer };
}
