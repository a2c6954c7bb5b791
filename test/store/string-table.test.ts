import { describe, expect, it } from 'vitest';
import {
  buildSlots,
  findInSlots,
  StringTable,
  StringTableBuilder,
  WordListBuilder,
} from '../../src/store/string-table.js';

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
