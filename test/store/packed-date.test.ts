import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { NO_DATE, packDate, unpackDate } from '../../src/store/packed-date.js';

describe('a packed date', () => {
  it('gives back the date with the same fields present', () => {
    for (const text of [
      '2026',
      '2026-11',
      '2026-11-30',
      '1991-12-26',
      '-0044-03-15',
      '-9999',
      '9999-12-31',
      '0001-01',
    ]) {
      const date = parsePartialDate(text);
      const packed = packDate(date);
      expect(packed).toBeGreaterThan(0);
      expect(unpackDate(packed)).toStrictEqual(date);
    }
  });

  it('packs no date as NO_DATE, and sorts as the dates do within a precision', () => {
    expect(packDate(undefined)).toBe(NO_DATE);
    expect(unpackDate(NO_DATE)).toBeUndefined();
    expect(packDate(parsePartialDate('1990-12-31'))).toBeLessThan(packDate(parsePartialDate('1991-01-01')));
  });
});
