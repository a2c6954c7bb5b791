import { describe, expect, it } from 'vitest';
import { COAST_SEARCH_KM, COASTAL_KM, kmToCoast } from '../../../src/core/suggest/coast.js';
import { coastline } from '../../../src/registry/suggest/coastline.js';

describe('the world coastline (Natural Earth 1:10m land)', () => {
  it('puts ports on the coast and inland cities away from it', () => {
    const coast = coastline();
    // Coordinates from GeoNames (cities500).
    expect(kmToCoast(coast, 43.29695, 5.38107)).toBeLessThan(COASTAL_KM); // Marseille
    expect(kmToCoast(coast, 34.6913, 135.183)).toBeLessThan(COASTAL_KM); // Kobe
    expect(kmToCoast(coast, 47.60621, -122.33207)).toBeLessThan(COASTAL_KM); // Seattle
    expect(kmToCoast(coast, 45.74846, 4.84671)).toBe(COAST_SEARCH_KM); // Lyon
    expect(kmToCoast(coast, 52.40656, -1.51217)).toBe(COAST_SEARCH_KM); // Coventry
  });
});
