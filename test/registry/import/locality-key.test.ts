import { describe, expect, it } from 'vitest';
import { uniqueKey } from '../../../src/registry/import/locality-key.js';

describe('keys of new localities', () => {
  it('give a namesake in the same country its region, and a number only where no region is known', () => {
    const taken = new Set<string>();
    expect(uniqueKey('Springfield', 'US', taken, 'US-IL')).toBe('springfield-us');
    expect(uniqueKey('Springfield', 'US', taken, 'US-MO')).toBe('springfield-us-mo');
    expect(uniqueKey('Springfield', 'US', taken, 'US-OH')).toBe('springfield-us-oh');
    expect(uniqueKey('Springfield', 'US', taken, null)).toBe('springfield-us-2');
    expect(uniqueKey('Springfield', 'US', taken, 'US-MO')).toBe('springfield-us-mo-2');
    // A region of another country is no region of this one.
    expect(uniqueKey('Springfield', 'US', taken, 'CA-ON')).toBe('springfield-us-3');
  });
});
