import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/text-fold.js';

describe('folding text for matching', () => {
  it('ignores case, accents and punctuation', () => {
    expect(foldText('Düsseldorf')).toBe('dusseldorf');
    expect(foldText('GYÖNGYÖS')).toBe('gyongyos');
    expect(foldText('Higashiōsaka')).toBe('higashiosaka');
    expect(foldText('St. Petersburg')).toBe('st petersburg');
    expect(foldText('Saint-Étienne')).toBe('saint etienne');
    expect(foldText('Kırklareli')).toBe('kirklareli');
    expect(foldText('Łódź')).toBe('lodz');
  });

  it('keeps non-Latin scripts, folded', () => {
    expect(foldText('Волгоград')).toBe('волгоград');
    expect(foldText('友好城市')).toBe('友好城市');
  });
});
