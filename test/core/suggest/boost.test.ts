import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/core/random.js';
import {
  binEdges,
  fitBoostedTrees,
  scoreTrees,
  treeScore,
  type BoostedTree,
} from '../../../src/core/suggest/boost.js';
import { candidateFeatures, F } from '../../../src/core/suggest/features.js';
import { contributions, scoreRow, type BoostedModel } from '../../../src/core/suggest/model.js';
import { FEATURES } from '../../../src/core/suggest/features.js';
import { tinyGraph } from './fixture.js';

/** A stump on feature 0 at 0.5, its right child split again on feature 1 at 2. */
const TREE: BoostedTree = {
  feature: [0, -1, 1, -1, -1],
  threshold: [0.5, 0, 2, 0, 0],
  left: [1, -1, 3, -1, -1],
  right: [2, -1, 4, -1, -1],
  value: [0.1, -1, 0.5, 0.25, 2],
};

describe('boosted trees', () => {
  it('follows a row down a tree: ≤ threshold to the left', () => {
    const rows = Float64Array.from([0.5, 9, 0.6, 2, 0.6, 2.5]);
    expect(treeScore(TREE, rows, 0)).toBe(-1);
    expect(treeScore(TREE, rows, 2)).toBe(0.25);
    expect(treeScore(TREE, rows, 4)).toBe(2);
    expect([...scoreTrees([TREE, TREE], rows, 2)]).toEqual([-2, 0.5, 4]);
  });
  it('cuts between distinct values, at quantiles when there are more than the bins', () => {
    const rows = Float64Array.from([1, 1, 2, 4]);
    expect([...binEdges(rows, 1, 8)[0]!]).toEqual([1.5, 3]);
    const many = Float64Array.from({ length: 100 }, (_, i) => i);
    // The values at the quarters (25, 50, 75), each cut just above.
    expect([...binEdges(many, 1, 4)[0]!]).toEqual([25.5, 50.5, 75.5]);
  });
  /** Groups of four rows, two features: the first row of a group has feature 1 above 0.7, the others below; feature 0 is noise. */
  function tellingGroups(): { rows: Float64Array; group: number; groups: number } {
    const rng = seededRng(9);
    const group = 4;
    const groups = 60;
    const rows = new Float64Array(groups * group * 2);
    for (let g = 0; g < groups; g++)
      for (let r = 0; r < group; r++) {
        rows[(g * group + r) * 2] = rng();
        rows[(g * group + r) * 2 + 1] = r === 0 ? 0.7 + 0.3 * rng() : 0.7 * rng();
      }
    return { rows, group, groups };
  }
  it('learns by LambdaRank’s pairs to put the telling row first, the same way from the same seed', () => {
    const { rows, group, groups } = tellingGroups();
    const options = {
      trees: 20,
      maxDepth: 2,
      learningRate: 0.3,
      l2: 1,
      minChildWeight: 0.01,
      bins: 16,
      subsample: 1,
      loss: 'lambda' as const,
      rankScale: 10,
    };
    const trees = fitBoostedTrees(rows, 2, group, options, seededRng(1));
    expect(fitBoostedTrees(rows, 2, group, options, seededRng(1))).toEqual(trees);
    expect(trees[0]!.feature[0]).toBe(1);
    const scores = scoreTrees(trees, rows, 2);
    for (let g = 0; g < groups; g++)
      for (let r = 1; r < group; r++) expect(scores[g * group]).toBeGreaterThan(scores[g * group + r]!);
    // Each pair pushes the link up as much as the other down: a tree grown on whole groups starts at 0.
    expect(trees[0]!.value[0]).toBeCloseTo(0, 12);
  });
  it('learns to put the row with the telling feature first in each group, the same way from the same seed', () => {
    const { rows, group, groups } = tellingGroups();
    const options = {
      trees: 20,
      maxDepth: 2,
      learningRate: 0.3,
      l2: 1,
      minChildWeight: 0.01,
      bins: 16,
      subsample: 0.8,
    };
    const trees = fitBoostedTrees(rows, 2, group, options, seededRng(1));
    expect(fitBoostedTrees(rows, 2, group, options, seededRng(1))).toEqual(trees);
    const scores = scoreTrees(trees, rows, 2);
    for (let g = 0; g < groups; g++)
      for (let r = 1; r < group; r++) expect(scores[g * group]).toBeGreaterThan(scores[g * group + r]!);
    expect(trees[0]!.feature[0]).toBe(1); // the first split is on the telling feature
    // Oblivious trees are scored by the bits of their comparisons: the same as following each tree.
    for (let i = 0; i < groups * group; i++)
      expect(scores[i]).toBeCloseTo(
        trees.reduce((s, t) => s + treeScore(t, rows, i * 2), 0),
        12,
      );
  });
  it('starts each row at its offset, so that a non-partner counts for the candidates it stands for', () => {
    // Two groups of one feature: the link (1) and two non-partners (0), each standing for m = 50 candidates.
    const rows = Float64Array.from([1, 0, 0, 1, 0, 0]);
    const m = 50;
    const offsets = Float64Array.from([0, Math.log(m), Math.log(m), 0, Math.log(m), Math.log(m)]);
    const options = {
      trees: 1,
      maxDepth: 1,
      learningRate: 1,
      l2: 1,
      minChildWeight: 0,
      bins: 16,
      subsample: 1,
    };
    const [tree] = fitBoostedTrees(rows, 1, 3, options, seededRng(1), offsets);
    // Softmax of scores (0, log m, log m): the link's p is 1 / (1 + 2m), each non-partner's m / (1 + 2m).
    const p0 = 1 / (1 + 2 * m);
    const p = m / (1 + 2 * m);
    const link = -(2 * (p0 - 1)) / (2 * p0 * (1 - p0) + 1);
    const other = -(4 * p) / (4 * p * (1 - p) + 1);
    expect(tree!.threshold[0]).toBe(0.5);
    expect(tree!.value[1]).toBeCloseTo(other, 12);
    expect(tree!.value[2]).toBeCloseTo(link, 12);
    // Without offsets the three rows start equal: p = 1/3 each, a smaller step for the link.
    const [plain] = fitBoostedTrees(rows, 1, 3, options, seededRng(1));
    expect(plain!.value[2]).toBeCloseTo(-(2 * (1 / 3 - 1)) / (2 * (2 / 9) + 1), 12);
    expect(fitBoostedTrees(rows, 1, 3, options, seededRng(1), new Float64Array(6))).toEqual([plain]);
    expect(() => fitBoostedTrees(rows, 1, 3, options, seededRng(1), new Float64Array(5))).toThrow(
      /5 offsets for 6 rows/,
    );
  });
  it('splits a score into each feature’s part along the path, which with the roots add up to it', () => {
    const graph = tinyGraph();
    const rows = candidateFeatures(graph, 0);
    const tree: BoostedTree = {
      feature: [F.commonNeighbours, -1, F.sameName, -1, -1],
      threshold: [0.5, 0, 0.5, 0, 0],
      left: [1, -1, 3, -1, -1],
      right: [2, -1, 4, -1, -1],
      value: [0.2, -0.1, 0.9, 0.6, 1.5],
    };
    const model: BoostedModel = { kind: 'boosted', features: [...FEATURES], trees: [tree, TREE] };
    // Dijon (3): two common partners, another name: 0.2 → 0.9 (+0.7 common) → 0.6 (−0.3 name). Under TREE,
    // feature 0 (commonNeighbours = 2) goes right (+0.4), feature 1 (adamicAdar = 2 / ln 2 ≈ 2.885) right (+1.5).
    const parts = contributions(model, rows, 3);
    expect(parts[F.commonNeighbours]).toBeCloseTo(0.7 + 0.4, 12);
    expect(parts[F.sameName]).toBeCloseTo(-0.3, 12);
    expect(parts[F.adamicAdar]).toBeCloseTo(1.5, 12);
    const roots = 0.2 + 0.1;
    expect(parts.reduce((s, x) => s + x, 0) + roots).toBeCloseTo(scoreRow(model, rows, 3), 12);
    expect(scoreRow(model, rows, 3)).toBeCloseTo(0.6 + 2, 12);
  });
});
