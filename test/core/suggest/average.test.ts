import { describe, expect, it } from 'vitest';
import { averageModels, fitSeeds } from '../../../src/core/suggest/average.js';
import type { BoostedTree } from '../../../src/core/suggest/boost.js';
import { FEATURE_COUNT, FEATURES } from '../../../src/core/suggest/features.js';
import {
  contributions,
  scoreRows,
  type BoostedModel,
  type LinearTerm,
} from '../../../src/core/suggest/model.js';

/** A stump on feature 0 at 0.5 with these leaves (its root's value their mean). */
const stump = (left: number, right: number): BoostedTree => ({
  feature: [0, -1, -1],
  threshold: [0.5, 0, 0],
  left: [1, -1, -1],
  right: [2, -1, -1],
  value: [(left + right) / 2, left, right],
});

/** A linear term on feature 1 alone. */
const term = (mean: number, scale: number, weight: number): LinearTerm => {
  const at = (v: number, fill: number): number[] => FEATURES.map((_, j) => (j === 1 ? v : fill));
  return { means: at(mean, 0), scales: at(scale, 1), weights: at(weight, 0) };
};

const fit = (seed: number, trees: BoostedTree[], linear?: LinearTerm): BoostedModel => ({
  kind: 'boosted',
  features: [...FEATURES],
  trees,
  ...(linear ? { linear } : {}),
  training: { seed, queries: 10 * seed, examples: 100 * seed, rounds: 6 },
});

/** Rows with feature 0 and feature 1 set, the rest 0. */
function rows(...values: [number, number][]): Float64Array {
  const out = new Float64Array(values.length * FEATURE_COUNT);
  values.forEach(([a, b], i) => {
    out[i * FEATURE_COUNT] = a;
    out[i * FEATURE_COUNT + 1] = b;
  });
  return out;
}

describe('averaged fits', () => {
  it('derives each fit’s seed from the seed, the first the seed itself', () => {
    expect(fitSeeds(1, 3)).toEqual([1, 1001, 2001]);
    expect(fitSeeds(7, 1)).toEqual([7]);
    expect(fitSeeds(7, 0)).toEqual([7]);
  });

  it('returns one model as it is', () => {
    const one = fit(1, [stump(-1, 1)], term(0, 2, 4));
    expect(averageModels([one])).toBe(one);
  });

  it('ranks as the mean of the fits’ scores, trees and linear terms alike', () => {
    const a = fit(1, [stump(-1, 1), stump(0, 2)], term(1, 2, 4));
    const b = fit(1001, [stump(3, -3)], term(3, 4, -2));
    const average = averageModels([a, b]);
    if (average.kind !== 'boosted') throw new Error('expected trees');
    expect(average.trees).toHaveLength(3);
    expect(average.trees[2]!.value).toEqual([0, 1.5, -1.5]);
    // Mean and scale averaged (2, 3); the weight is the mean slope (4/2 − 2/4) / 2 = 0.75 times the scale 3.
    expect(average.linear?.means[1]).toBe(2);
    expect(average.linear?.scales[1]).toBe(3);
    expect(average.linear?.weights[1]).toBe(2.25);
    const r = rows([0, 0], [1, 0], [0, 5], [1, -3]);
    const sa = scoreRows(a, r);
    const sb = scoreRows(b, r);
    const s = scoreRows(average, r);
    // The same up to one constant for every row: each difference to row 0 is the mean's.
    for (let i = 1; i < 4; i++)
      expect(s[i]! - s[0]!).toBeCloseTo((sa[i]! + sb[i]! - sa[0]! - sb[0]!) / 2, 12);
    // Each feature's parts and the trees' roots still add up to the averaged model's score.
    for (let i = 0; i < 4; i++) {
      const roots = average.trees.reduce((sum, t) => sum + t.value[0]!, 0);
      const parts = contributions(average, r, i).reduce((sum, x) => sum + x, 0);
      expect(roots + parts).toBeCloseTo(s[i]!, 12);
    }
  });

  it('counts a fit without a linear term as a term of zero weights', () => {
    const average = averageModels([fit(1, [stump(-1, 1)], term(0, 2, 4)), fit(1001, [stump(1, -1)])]);
    if (average.kind !== 'boosted') throw new Error('expected trees');
    // Half the one term's weight of 4, at its scale of 2.
    expect(average.linear?.weights[1]).toBe(2);
    expect(averageModels([fit(1, [stump(-1, 1)]), fit(2, [stump(1, -1)])])).not.toHaveProperty('linear');
  });

  it('records the fits, their seeds and their summed counts', () => {
    const average = averageModels([fit(1, [stump(-1, 1)]), fit(1001, [stump(1, -1)])]);
    expect(average.training).toEqual({
      seed: 1,
      fits: 2,
      seeds: '1,1001',
      queries: 10020,
      examples: 100200,
      rounds: 6,
    });
  });
});
