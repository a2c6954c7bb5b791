import { describe, expect, it } from 'vitest';
import { isRegionCode, nameWithRegion, placeLabel, regionName } from '../../src/core/region.js';

describe('regions of namesakes', () => {
  it('names an ISO 3166-2 region and tells its code from a country’s', () => {
    expect(regionName('US-IL')).toBe('Illinois');
    expect(regionName('US-MO')).toBe('Missouri');
    expect(regionName('XX-ZZ')).toBeUndefined();
    expect(regionName(null)).toBeUndefined();
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
    expect(nameWithRegion('Springfield', 'US-MO')).toBe('Springfield, Missouri');
  });
});
