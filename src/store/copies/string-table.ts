/**
 * Many strings kept as two long strings and each one's span, so that a copy in memory holds no object per
 * string and crosses between threads as a few flat values (a string's characters are copied as a block, the spans'
 * buffers moved). A string is read back as a slice of its run (no decoding, one byte a character for Latin-1), and
 * compared with a JS string in place; a table whose strings were added sorted is searched by binary search.
 */

/** A string table as it is sent: the strings end to end, and where each one lies. */
export interface StringTableData {
  /** The strings whose characters all fit in Latin-1, end to end (one byte a character in V8). */
  narrow: string;
  /** The other strings, end to end (two bytes a character). */
  wide: string;
  /** Where string i starts and ends in `narrow` followed by `wide`, read as one run. */
  starts: Uint32Array;
  ends: Uint32Array;
}

/** Whether every character fits in Latin-1 (such strings V8 keeps one byte a character). */
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/**
 * Gathers strings and gives each its number in the table. `add` keeps a string as often as it is added (names
 * and keys are nearly all distinct, and a map to find repeats among them costs more time than it saves memory);
 * `addShared` keeps each distinct string once, for columns whose texts repeat (causes, locators).
 */
export class StringTableBuilder {
  readonly #shared = new Map<string, number>();
  readonly #narrow: string[] = [];
  readonly #wide: string[] = [];
  /** Each string's start within its own run (narrow or wide), and its length; wide ones are marked. */
  readonly #starts: number[] = [];
  readonly #lengths: number[] = [];
  readonly #isWide: boolean[] = [];
  #narrowLength = 0;
  #wideLength = 0;

  /** The number this string is given in the table. */
  add(text: string): number {
    const id = this.#starts.length;
    const wide = !isLatin1(text);
    this.#isWide.push(wide);
    this.#lengths.push(text.length);
    if (wide) {
      this.#starts.push(this.#wideLength);
      this.#wide.push(text);
      this.#wideLength += text.length;
    } else {
      this.#starts.push(this.#narrowLength);
      this.#narrow.push(text);
      this.#narrowLength += text.length;
    }
    return id;
  }

  /** The number of the string, or -1 for none (null or undefined). */
  addOptional(text: string | null | undefined): number {
    return text === null || text === undefined ? -1 : this.add(text);
  }

  /** The number of the string, kept once however often it is added; -1 for none (null or undefined). */
  addShared(text: string | null | undefined): number {
    if (text === null || text === undefined) return -1;
    let id = this.#shared.get(text);
    if (id === undefined) this.#shared.set(text, (id = this.add(text)));
    return id;
  }

  /** The table as it is sent. */
  build(): StringTableData {
    const count = this.#starts.length;
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const start = this.#starts[i]! + (this.#isWide[i] ? this.#narrowLength : 0);
      starts[i] = start;
      ends[i] = start + this.#lengths[i]!;
    }
    return { narrow: this.#narrow.join(''), wide: this.#wide.join(''), starts, ends };
  }
}

/** A table of these strings, numbered in their order (sorted by code units, for `indexOf` and `prefixRange`). */
export function stringTable(strings: readonly string[]): StringTableData {
  const builder = new StringTableBuilder();
  for (const text of strings) builder.add(text);
  return builder.build();
}

/** Gathers a few strings repeated across many rows (kinds, languages, codes), each distinct one once, as a list. */
export class WordListBuilder {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];

  /** The number of this word in the list, adding it if it is new. */
  add(word: string): number {
    let id = this.#ids.get(word);
    if (id === undefined) this.#ids.set(word, (id = this.#words.push(word) - 1));
    return id;
  }

  /** The number of the word, or -1 for none (null or undefined). */
  addOptional(word: string | null | undefined): number {
    return word === null || word === undefined ? -1 : this.add(word);
  }

  /** The words, each at its number. */
  list(): string[] {
    return [...this.#words];
  }
}

/** Reads strings back from a table by their numbers; no work until a string is asked for. */
export class StringTable {
  readonly #narrow: string;
  readonly #wide: string;
  readonly #starts: Uint32Array;
  readonly #ends: Uint32Array;
  readonly #split: number;

  constructor(data: StringTableData) {
    this.#narrow = data.narrow;
    this.#wide = data.wide;
    this.#starts = data.starts;
    this.#ends = data.ends;
    this.#split = data.narrow.length;
  }

  /** String number `id`. */
  get(id: number): string {
    const start = this.#starts[id]!;
    const end = this.#ends[id]!;
    const split = this.#split;
    return start < split ? this.#narrow.slice(start, end) : this.#wide.slice(start - split, end - split);
  }

  /** String number `id`, or undefined for -1. */
  optional(id: number): string | undefined {
    return id < 0 ? undefined : this.get(id);
  }

  /** String number `id`, or null for -1. */
  nullable(id: number): string | null {
    return id < 0 ? null : this.get(id);
  }

  /** Whether string number `id` is `text`, without making a string. */
  is(id: number, text: string): boolean {
    const start = this.#starts[id]!;
    if (this.#ends[id]! - start !== text.length) return false;
    const split = this.#split;
    return start < split ? this.#narrow.startsWith(text, start) : this.#wide.startsWith(text, start - split);
  }

  /** How many strings it holds. */
  get size(): number {
    return this.#starts.length;
  }

  /** The number of `text` in a table whose strings were added sorted by code units (as `sort()` sorts), or -1. */
  indexOf(text: string): number {
    const at = this.#lowerBound(text, false);
    return at < this.size && this.#compare(at, text, false) === 0 ? at : -1;
  }

  /** The numbers [from, to) of the strings that start with `prefix`, in a table added sorted by code units. */
  prefixRange(prefix: string): [number, number] {
    const from = this.#lowerBound(prefix, true);
    let lo = from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(mid, prefix, true) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /** The first number whose string is not before `text` (with `prefixOnly`, as #compare). */
  #lowerBound(text: string, prefixOnly: boolean): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(mid, text, prefixOnly) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Compares string number `id` with `text` by code units, as `<` compares JS strings: negative when the table's
   * is first. With `prefixOnly`, a table string that `text` is a prefix of compares equal.
   */
  #compare(id: number, text: string, prefixOnly: boolean): number {
    let at = this.#starts[id]!;
    const length = this.#ends[id]! - at;
    let run = this.#narrow;
    if (at >= this.#split) {
      run = this.#wide;
      at -= this.#split;
    }
    const n = length < text.length ? length : text.length;
    for (let c = 0; c < n; c++) {
      const diff = run.charCodeAt(at + c) - text.charCodeAt(c);
      if (diff !== 0) return diff;
    }
    if (prefixOnly && length >= text.length) return 0;
    return length - text.length;
  }
}

/** A string's hash (32-bit FNV-1a over its UTF-16 code units), the same in every thread. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * An open-addressing hash table of strings (by `hashString`), as numbers: slot i holds the number of a string
 * plus one, or 0 when empty. Built where the strings are read; looked up with `findInSlots`.
 */
export function buildSlots(texts: readonly string[]): Int32Array {
  let size = 16;
  while (size < texts.length * 2) size *= 2;
  const slots = new Int32Array(size);
  texts.forEach((text, i) => {
    let slot = hashString(text) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = i + 1;
  });
  return slots;
}

/** The number of the string that `is` tells equal to `text`, from slots made by `buildSlots`; -1 when absent. */
export function findInSlots(slots: Int32Array, text: string, is: (i: number) => boolean): number {
  const mask = slots.length - 1;
  for (let slot = hashString(text) & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot]!;
    if (entry === 0) return -1;
    if (is(entry - 1)) return entry - 1;
  }
}
