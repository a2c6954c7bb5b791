import { describe, expect, it } from 'vitest';
import type { LocalityName } from '../../src/core/locality.js';
import { nameAt, validateNames } from '../../src/core/locality-names.js';
import { parsePartialDate } from '../../src/core/partial-date.js';

const volgograd: LocalityName[] = [
  { name: 'Volgograd', lang: 'en', validFrom: { year: 1961 }, primary: true },
  { name: 'Stalingrad', lang: 'en', validTo: { year: 1961 } },
  { name: 'Wolgograd', lang: 'de', validFrom: { year: 1961 } },
];

describe('names at a date', () => {
  it('gives the name valid at the date', () => {
    expect(nameAt(volgograd, parsePartialDate('1950'))).toBe('Stalingrad');
    expect(nameAt(volgograd, parsePartialDate('1942-08'))).toBe('Stalingrad');
    expect(nameAt(volgograd, parsePartialDate('2023'))).toBe('Volgograd');
    expect(nameAt(volgograd, parsePartialDate('1961'))).toBe('Volgograd');
    expect(nameAt(volgograd, parsePartialDate('2023'), 'de')).toBe('Wolgograd');
  });

  it('gives the primary name when no date is asked or no dated name applies', () => {
    expect(nameAt(volgograd)).toBe('Volgograd');
    const coventry: LocalityName[] = [
      { name: 'Coventry', lang: 'en', primary: true },
      { name: 'Coventria', lang: 'la' },
    ];
    expect(nameAt(coventry, parsePartialDate('1950'))).toBe('Coventry');
  });

  it('rejects an empty name and a period that ends before it begins', () => {
    expect(() => validateNames([{ name: '  ', lang: 'en' }])).toThrowError(/may not be empty/);
    expect(() => validateNames([])).toThrowError(/at least one name/);
    expect(() =>
      validateNames([{ name: 'X', lang: 'en', validFrom: { year: 2000 }, validTo: { year: 1990 } }]),
    ).toThrowError(/ends before it begins/);
  });
});
