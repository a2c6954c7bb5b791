import { describe, expect, it } from 'vitest';
import type { TwinningError } from '../../src/core/errors.js';
import { assertExclusivityAllows, type LinkStanding } from '../../src/core/exclusivity.js';

const romeParis: LinkStanding = { aKey: 'rome', bKey: 'paris', exclusive: true, status: 'active' };

describe('exclusive twinning', () => {
  it('refuses another live partner for either side, naming the exclusivity', () => {
    for (const candidate of [
      { aKey: 'rome', bKey: 'london', exclusive: false, status: 'active' as const },
      { aKey: 'berlin', bKey: 'paris', exclusive: false, status: 'paused' as const },
    ]) {
      expect(() => assertExclusivityAllows(candidate, [romeParis])).toThrowError(/twinned exclusively/);
    }
    try {
      assertExclusivityAllows({ aKey: 'rome', bKey: 'london', exclusive: false, status: 'active' }, [
        romeParis,
      ]);
    } catch (error) {
      expect((error as TwinningError).code).toBe('ExclusiveLink');
      expect((error as TwinningError).message).toContain('rome is twinned exclusively with paris');
    }
  });

  it('allows a link that is not live, and partners once the exclusive link has ended', () => {
    expect(() =>
      assertExclusivityAllows({ aKey: 'rome', bKey: 'london', exclusive: false, status: 'not_formed' }, [
        romeParis,
      ]),
    ).not.toThrow();
    expect(() =>
      assertExclusivityAllows({ aKey: 'rome', bKey: 'london', exclusive: false, status: 'active' }, [
        { ...romeParis, status: 'ended' },
      ]),
    ).not.toThrow();
  });

  it('refuses a new exclusive link for a place that has other partners', () => {
    const other: LinkStanding = { aKey: 'rome', bKey: 'london', exclusive: false, status: 'active' };
    expect(() => assertExclusivityAllows({ ...romeParis }, [other])).toThrowError(/needs both sides free/);
  });
});
