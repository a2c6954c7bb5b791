import { describe, expect, it } from 'vitest';
import { regionName } from '../../../src/registry/locality/region-names.js';

describe('region names', () => {
  it('names an ISO 3166-2 region in English, and nothing for a code CLDR lacks', () => {
    expect(regionName('US-IL')).toBe('Illinois');
    expect(regionName('US-MO')).toBe('Missouri');
    expect(regionName('mx-jal')).toBe('Jalisco');
    expect(regionName('XX-ZZ')).toBeUndefined();
    expect(regionName(null)).toBeUndefined();
  });
});
