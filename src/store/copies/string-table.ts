/**
 * Strings held as one table: their UTF-16 code units end to end in one Uint16Array and where each starts, so that
 * a copy in memory holds two typed arrays (moved between threads without copying) instead of an object per
 * string. Code units, not UTF-8: any JS string round-trips exactly, and a key is compared with a JS string
 * without decoding it.
 */
export interface StringTable {
  /** Every string's code units, end to end. */
  units: Uint16Array;
  /** String i is units[starts[i], starts[i + 1]); one more entry than strings. */
  starts: Uint32Array;
}

/** A table of the strings in their order. */
export function stringTable(strings: readonly string[]): StringTable {
  const starts = new Uint32Array(strings.length + 1);
  let total = 0;
  strings.forEach((text, i) => {
    starts[i] = total;
    total += text.length;
  });
  starts[strings.length] = total;
  const units = new Uint16Array(total);
  strings.forEach((text, i) => {
    const at = starts[i]!;
    for (let c = 0; c < text.length; c++) units[at + c] = text.charCodeAt(c);
  });
  return { units, starts };
}

/** How many strings a table holds. */
export function tableSize(table: StringTable): number {
  return table.starts.length - 1;
}

/** String i of a table, decoded. */
export function stringAt(table: StringTable, i: number): string {
  const from = table.starts[i]!;
  const to = table.starts[i + 1]!;
  if (to - from <= 4096) return String.fromCharCode.apply(null, table.units.subarray(from, to) as never);
  let text = '';
  for (let at = from; at < to; at += 4096) {
    const end = Math.min(to, at + 4096);
    text += String.fromCharCode.apply(null, table.units.subarray(at, end) as never);
  }
  return text;
}

/**
 * Compares string i of a table with `text`, by code units as `<` compares JS strings: negative when the
 * table's is first. With `prefixOnly`, a table string that `text` is a prefix of compares equal.
 */
function compareAt(table: StringTable, i: number, text: string, prefixOnly: boolean): number {
  const from = table.starts[i]!;
  const length = table.starts[i + 1]! - from;
  const n = Math.min(length, text.length);
  for (let c = 0; c < n; c++) {
    const diff = table.units[from + c]! - text.charCodeAt(c);
    if (diff !== 0) return diff;
  }
  if (prefixOnly && length >= text.length) return 0;
  return length - text.length;
}

/** The first index in a sorted table whose string is not before `text` (with `prefixOnly`, as compareAt). */
function lowerBound(table: StringTable, text: string, prefixOnly: boolean): number {
  let lo = 0;
  let hi = tableSize(table);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(table, mid, text, prefixOnly) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of `text` in a table sorted by code units (as `Array.prototype.sort` sorts strings), or -1. */
export function indexOf(table: StringTable, text: string): number {
  const at = lowerBound(table, text, false);
  return at < tableSize(table) && compareAt(table, at, text, false) === 0 ? at : -1;
}

/** The indexes [from, to) of the strings that start with `prefix` in a table sorted by code units. */
export function prefixRange(table: StringTable, prefix: string): [number, number] {
  const from = lowerBound(table, prefix, true);
  let lo = from;
  let hi = tableSize(table);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(table, mid, prefix, true) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}
