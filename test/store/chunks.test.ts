import { describe, expect, it } from 'vitest';
import { chunks } from '../../src/store/chunks.js';

describe('chunks', () => {
  it('splits items into runs of the size, the last one shorter, keeping the order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks(['a', 'b'], 5)).toEqual([['a', 'b']]);
    expect(chunks([], 3)).toEqual([]);
  });

  it('refuses a size that would never finish or cut nothing', () => {
    expect(() => chunks([1], 0)).toThrow(RangeError);
    expect(() => chunks([1], 1.5)).toThrow(RangeError);
  });
});
