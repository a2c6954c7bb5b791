import type { Kysely } from 'kysely';
import { movedBuffers } from './copies/moved-buffers.js';
import { eachPage } from './row-columns.js';
import { stringTable, type StringTableData } from './copies/string-table.js';
import type { DB } from './schema.js';

/** Prefixes up to this many characters have a list of their own; a longer text filters its first ones' list. */
export const LISTED_PREFIX = 4;

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
  words: StringTableData;
  /** The rows of word w at a name's start: exactRows[exactStarts[w], exactStarts[w + 1]). */
  exactStarts: Int32Array;
  exactRows: Int32Array;
  /** The distinct prefixes (1 to LISTED_PREFIX code points) of every word, sorted by code units. */
  prefixes: StringTableData;
  /**
   * Prefix p's rows at a name's start: prefixRows[prefixStarts[2p], prefixStarts[2p + 1]); its rows elsewhere
   * in a name: prefixRows[prefixStarts[2p + 1], prefixStarts[2p + 2]).
   */
  prefixStarts: Int32Array;
  prefixRows: Int32Array;
  /** Place i: its locality id, key, kind (in `kinds`), country (in `countries`, plus one; 0 for none),
   * population (NaN for none) and primary name (in `names`). */
  placeId: Int32Array;
  placeKey: StringTableData;
  placeKind: Uint16Array;
  placeCountry: Uint16Array;
  placePopulation: Float64Array;
  placeName: Int32Array;
  /** Name i's text and its language (in `langs`). */
  names: StringTableData;
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

/** Numbers values in the order first seen; strings as codes a Uint16Array holds, ids as indexes. */
class Codes<T> {
  readonly values: T[] = [];
  readonly #codes = new Map<T, number>();
  code(value: T): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.#codes.set(value, code);
    }
    return code;
  }
}

/** A string's code for a Uint16Array column. */
function code16(codes: Codes<string>, value: string): number {
  const code = codes.code(value);
  if (code >= 0xffff) throw new Error(`more than ${0xfffe} distinct values in a coded column`);
  return code;
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
  await eachPage(
    (after) =>
      db
        .selectFrom('locality_name_words as w')
        .innerJoin('locality_names as n', 'n.id', 'w.name_id')
        .select(['w.id', 'w.word', 'w.is_start', 'w.population', 'w.name_id', 'n.locality_id'])
        .where('w.id', '>', after)
        .orderBy('w.id'),
    (page) => {
      for (const r of page) {
        rows.word.push(r.word);
        rows.isStart.push(r.is_start);
        rows.population.push(Number(r.population));
        rows.nameId.push(r.name_id);
        rows.localityId.push(r.locality_id);
      }
    },
  );
  return rows;
}

/** Every locality and every name, a page at a time. */
async function readPlaces(
  db: Kysely<DB>,
): Promise<{ localities: Map<number, Locality>; names: Map<number, Name> }> {
  const localities = new Map<number, Locality>();
  await eachPage(
    (after) =>
      db
        .selectFrom('localities')
        .select(['id', 'key', 'kind', 'country', 'population'])
        .where('id', '>', after)
        .orderBy('id'),
    (page) => {
      for (const r of page) {
        const population = r.population === null ? null : Number(r.population);
        localities.set(r.id, { key: r.key, kind: r.kind, country: r.country, population });
      }
    },
  );
  const names = new Map<number, Name>();
  await eachPage(
    (after) =>
      db
        .selectFrom('locality_names')
        .select(['id', 'locality_id', 'name', 'lang', 'is_primary'])
        .where('id', '>', after)
        .orderBy('id'),
    (page) => {
      for (const n of page) {
        const locality = localities.get(n.locality_id);
        if (!locality) continue;
        names.set(n.id, { localityId: n.locality_id, name: n.name, lang: n.lang });
        locality.firstName ??= n.id;
        if (n.is_primary === 1) locality.primaryName ??= n.id;
      }
    },
  );
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
 * The rows that can be shown (their locality and a name of it were read) in ranking order: the word's population
 * descending, then the name's id (rows were read in id order, and the sort is stable); with each row's place and
 * the name it shows (the name the word is in, or if that is gone the locality's first, as the SQL search shows),
 * numbered as the rows first name them.
 */
function rankRows(read: WordRows, localities: Map<number, Locality>, names: Map<number, Name>) {
  const order = read.word
    .map((_, i) => i)
    .filter((i) => localities.get(read.localityId[i]!)?.firstName !== undefined)
    .sort((x, y) => read.population[y]! - read.population[x]! || read.nameId[x]! - read.nameId[y]!);
  const places = new Codes<number>();
  const shownNames = new Codes<number>();
  const rowPlace = new Int32Array(order.length);
  const rowName = new Int32Array(order.length);
  order.forEach((i, row) => {
    const localityId = read.localityId[i]!;
    rowPlace[row] = places.code(localityId);
    const inName = names.get(read.nameId[i]!)?.localityId === localityId;
    rowName[row] = shownNames.code(inName ? read.nameId[i]! : localities.get(localityId)!.firstName!);
  });
  return { order, rowPlace, rowName, places, names: shownNames };
}

/** The sorted distinct words, each row's word, and the rows of each word and of each prefix, in row order. */
function wordLists(rowWords: string[], rowStart: Uint8Array) {
  const distinct = [...new Set(rowWords)].sort();
  const wordCodes = new Map(distinct.map((word, w) => [word, w]));
  const rowWord = Int32Array.from(rowWords, (word) => wordCodes.get(word)!);
  const exact = compressedLists(distinct.length, rowWords.length, (row, add) => {
    if (rowStart[row] === 1) add(rowWord[row]!);
  });
  const prefixOfWord = distinct.map(prefixesOf);
  const prefixList = [...new Set(prefixOfWord.flat())].sort();
  const prefixCodes = new Map(prefixList.map((prefix, p) => [prefix, p]));
  const wordPrefixes = prefixOfWord.map((list) => list.map((prefix) => prefixCodes.get(prefix)!));
  const prefix = compressedLists(2 * prefixList.length, rowWords.length, (row, add) => {
    const side = rowStart[row] === 1 ? 0 : 1;
    for (const p of wordPrefixes[rowWord[row]!]!) add(2 * p + side);
  });
  return {
    rowWord,
    words: stringTable(distinct),
    exactStarts: exact.starts,
    exactRows: exact.rows,
    prefixes: stringTable(prefixList),
    prefixStarts: prefix.starts,
    prefixRows: prefix.rows,
  };
}

/**
 * Reads the word index, the localities and their names, and builds the search's copy of them (NameIndexData)
 * with the buffers to move it by. Rows whose locality or every name of it is not read (a change during the read,
 * after which the copy is dropped anyway) are left out.
 */
export async function readNameIndexData(
  db: Kysely<DB>,
): Promise<{ data: NameIndexData; transfer: ArrayBuffer[] }> {
  const read = await readWordRows(db);
  const { localities, names } = await readPlaces(db);
  const ranked = rankRows(read, localities, names);
  const lists = wordLists(
    ranked.order.map((i) => read.word[i]!),
    Uint8Array.from(ranked.order, (i) => read.isStart[i]!),
  );
  const places = ranked.places.values.map((id) => localities.get(id)!);
  // Every place's primary name (its first by id when none is primary) joins the names rows show.
  const placeName = Int32Array.from(places, (p) => ranked.names.code(p.primaryName ?? p.firstName!));
  const shown = ranked.names.values.map((id) => names.get(id)!);
  const kinds = new Codes<string>();
  const countries = new Codes<string>();
  const langs = new Codes<string>();
  const data: NameIndexData = {
    ...lists,
    rowName: ranked.rowName,
    rowPlace: ranked.rowPlace,
    placeId: Int32Array.from(ranked.places.values),
    placeKey: stringTable(places.map((p) => p.key)),
    placeKind: Uint16Array.from(places, (p) => code16(kinds, p.kind)),
    placeCountry: Uint16Array.from(places, (p) =>
      p.country === null ? 0 : code16(countries, p.country) + 1,
    ),
    placePopulation: Float64Array.from(places, (p) => p.population ?? NaN),
    placeName,
    names: stringTable(shown.map((n) => n.name)),
    nameLang: Uint16Array.from(shown, (n) => code16(langs, n.lang)),
    kinds: kinds.values,
    countries: countries.values,
    langs: langs.values,
  };
  return { data, transfer: movedBuffers(data) };
}
