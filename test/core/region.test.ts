import { describe, expect, it } from 'vitest';
import { cldrSubdivisionKey, isRegionCode, placeLabel } from '../../src/core/region.js';

describe('regions of namesakes', () => {
  it('tells a region’s ISO 3166-2 code from a country’s, and keys it as CLDR does', () => {
    expect(cldrSubdivisionKey('US-IL')).toBe('usil');
    expect(cldrSubdivisionKey('GB-ENG')).toBe('gbeng');
    expect(isRegionCode('US-IL')).toBe(true);
    expect(isRegionCode('gb-eng')).toBe(true);
    expect(isRegionCode('US')).toBe(false);
  });

  it('shows Springfield, Illinois apart from Springfield, Missouri, and a region named as its place once', () => {
    expect(placeLabel({ name: 'Springfield', region: 'Illinois', country: 'US' })).toBe(
      'Springfield, Illinois (US)',
    );
    expect(placeLabel({ name: 'Springfield', region: null, country: 'US' })).toBe('Springfield (US)');
    expect(placeLabel({ name: 'Jalisco', region: 'Jalisco', country: 'MX' })).toBe('Jalisco (MX)');
  });
});
