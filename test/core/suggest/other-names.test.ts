import { describe, expect, it } from 'vitest';
import { otherNamesCount } from '../../../src/core/suggest/other-names.js';

describe('other names', () => {
  it('counts distinct alternate names, the main and ASCII names and blanks left out', () => {
    expect(
      otherNamesCount('Köln', 'Koeln', ['Cologne', 'Köln', 'Koeln', 'Colonia', 'Cologne', '', 'Кёльн']),
    ).toBe(3);
  });
  it('counts none where GeoNames gives no other name', () => {
    expect(otherNamesCount('Weimar', 'Weimar', [])).toBe(0);
  });
});
