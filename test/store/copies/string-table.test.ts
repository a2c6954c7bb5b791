import { describe, expect, it } from 'vitest';
import {
  buildSlots,
  findInSlots,
  StringTable,
  StringTableBuilder,
  stringTable,
  WordListBuilder,
} from '../../../src/store/copies/string-table.js';

const TEXTS = ['Coventry', 'Zürich', 'Москва', '', '東京', 'a\u0000b', 'Coventry', 'Łódź', 'café'];

describe('a string table', () => {
  it('gives back every string by its number, narrow and wide alike, after a structured clone', () => {
    const builder = new StringTableBuilder();
    const ids = TEXTS.map((t) => builder.add(t));
    const data = structuredClone(builder.build());
    const table = new StringTable(data);
    expect(ids.map((id) => table.get(id))).toEqual(TEXTS);
    expect(data.narrow).toBe('CoventryZüricha\u0000bCoventrycafé');
    expect(data.wide).toBe('Москва東京Łódź');
  });

  it('keeps a repeated string once when it is added as shared, and tells none apart', () => {
    const builder = new StringTableBuilder();
    const first = builder.addShared('Termination');
    expect(builder.addShared('Termination')).toBe(first);
    expect(builder.add('Termination')).not.toBe(first);
    expect(builder.addShared(null)).toBe(-1);
    expect(builder.addOptional(undefined)).toBe(-1);
    const table = new StringTable(builder.build());
    expect(table.get(first)).toBe('Termination');
    expect(table.optional(-1)).toBeUndefined();
    expect(table.nullable(-1)).toBeNull();
  });

  it('compares a string in place, by its length and characters', () => {
    const builder = new StringTableBuilder();
    const ids = TEXTS.map((t) => builder.add(t));
    const table = new StringTable(builder.build());
    TEXTS.forEach((text, i) => expect(table.is(ids[i]!, text)).toBe(true));
    expect(table.is(ids[0]!, 'Covent')).toBe(false);
    expect(table.is(ids[0]!, 'CoventryZ')).toBe(false);
    expect(table.is(ids[2]!, 'Москвa')).toBe(false); // a Latin a at the end
  });
});

describe('a sorted string table', () => {
  const SORTED = [
    ...TEXTS,
    'Cove',
    'Covent Garden',
    'Coventryx',
    'Zug',
    'Москвa',
    'Моск',
    '東',
    '\u{1F600}x',
  ].sort();
  const table = new StringTable(structuredClone(stringTable(SORTED)));

  it('finds each string at its place in code unit order, and nothing else', () => {
    expect(table.size).toBe(SORTED.length);
    SORTED.forEach((text) => expect(table.indexOf(text)).toBe(SORTED.indexOf(text)));
    for (const absent of ['Cov', 'Coventryy', 'Zürich ', 'a', 'Москв', '東京都', '\u{1F600}', '~'])
      expect(table.indexOf(absent)).toBe(-1);
  });

  it('gives the range of the strings that start with a prefix, as a filter of the list would', () => {
    for (const prefix of [
      '',
      'C',
      'Cove',
      'Coventry',
      'Coventryxx',
      'Z',
      'Zü',
      'Мос',
      'Москва',
      '東',
      '\u{1F600}',
      'q',
    ]) {
      const [from, to] = table.prefixRange(prefix);
      const expected = SORTED.flatMap((text, i) => (text.startsWith(prefix) ? [i] : []));
      expect(Array.from({ length: to - from }, (_, k) => from + k)).toEqual(expected);
      if (expected.length === 0) expect(from).toBe(SORTED.filter((text) => text < prefix).length);
    }
  });

  it('reads back what it holds as the same strings', () => {
    expect(SORTED.map((_, i) => table.get(i))).toEqual(SORTED);
    expect(new StringTable(stringTable([])).indexOf('x')).toBe(-1);
    expect(new StringTable(stringTable([])).prefixRange('x')).toEqual([0, 0]);
  });
});

describe('a word list', () => {
  it('numbers each distinct word once', () => {
    const words = new WordListBuilder();
    expect(['en', 'de', 'en', 'fr'].map((w) => words.add(w))).toEqual([0, 1, 0, 2]);
    expect(words.addOptional(null)).toBe(-1);
    expect(words.list()).toEqual(['en', 'de', 'fr']);
  });
});

describe('hash slots', () => {
  it('find every string they were built from, and nothing else', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `place-${i}`);
    const slots = buildSlots(keys);
    expect(slots.length).toBeGreaterThanOrEqual(keys.length * 2);
    keys.forEach((key, i) => expect(findInSlots(slots, key, (at) => keys[at] === key)).toBe(i));
    expect(findInSlots(slots, 'place-5000', (at) => keys[at] === 'place-5000')).toBe(-1);
    expect(findInSlots(buildSlots([]), 'x', () => true)).toBe(-1);
  });
});
