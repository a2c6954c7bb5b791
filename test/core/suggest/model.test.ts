import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/core/random.js';
import { averageModels } from '../../../src/core/suggest/average.js';
import { evaluateQuery } from '../../../src/core/suggest/evaluation.js';
import { candidateFeatures, F, FEATURE_COUNT } from '../../../src/core/suggest/features.js';
import { buildSuggestGraph, type SuggestPlace } from '../../../src/core/suggest/graph.js';
import { contributions, heuristicModel, scoreRow, scoreRows } from '../../../src/core/suggest/model.js';
import { rankCandidates } from '../../../src/core/suggest/rank.js';
import { DEFAULT_TRAINING, fitModel, sampleExamples, trainModel } from '../../../src/core/suggest/train.js';
import { tinyGraph } from './fixture.js';

/** A seeded random network: places in three countries, links mostly between near places. */
function randomNetwork(seed: number): { places: SuggestPlace[]; edges: [number, number][] } {
  const rng = seededRng(seed);
  const countries = ['DE', 'FR', 'PL'];
  const places = Array.from({ length: 120 }, (_, i) => ({
    key: `p${String(i).padStart(3, '0')}`,
    name: `Place ${i}`,
    country: countries[i % 3],
    lat: 45 + rng() * 10,
    lon: rng() * 20,
  }));
  const edges: [number, number][] = [];
  for (let k = 0; k < 300; k++) {
    const a = Math.floor(rng() * 120);
    const b = Math.floor(rng() * 120);
    if (a !== b && Math.abs(places[a]!.lon - places[b]!.lon) < 6) edges.push([a, b]);
  }
  return { places, edges };
}

const options = {
  ...DEFAULT_TRAINING,
  maxQueries: 60,
  negatives: 20,
  epochs: 5,
  boost: { ...DEFAULT_TRAINING.boost, trees: 10, maxDepth: 3 },
};

describe('the model', () => {
  it('trains the same trees from the same links and seed, and others from another seed', () => {
    const { places, edges } = randomNetwork(3);
    const first = trainModel(places, edges, options).model;
    const again = trainModel(places, edges, options).model;
    const other = trainModel(places, edges, { ...options, seed: 2 }).model;
    expect(first.kind).toBe('boosted');
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    if (first.kind !== 'boosted') throw new Error('expected trees');
    expect(first.trees).toHaveLength(10);
    expect(first.trees.every((t) => t.value.every(Number.isFinite))).toBe(true);
  });
  it('trains the same linear weights from the same links and seed, and others from another seed', () => {
    const { places, edges } = randomNetwork(3);
    const linear = { ...options, model: 'logistic' as const };
    const first = trainModel(places, edges, linear).model;
    const again = trainModel(places, edges, linear).model;
    const other = trainModel(places, edges, { ...linear, seed: 2 }).model;
    if (first.kind !== 'logistic' || other.kind !== 'logistic') throw new Error('expected a linear model');
    expect(again).toEqual(first);
    expect(other.weights).not.toEqual(first.weights);
    expect(first.weights.every(Number.isFinite)).toBe(true);
  });
  it('fits the same groups to a linear model and to trees without changing them, as trainModel does', () => {
    const { places, edges } = randomNetwork(3);
    const examples = sampleExamples(places, edges, options);
    const copy = examples.blocks.map((block) => block.slice());
    const linear = fitModel(examples, { ...options, model: 'logistic' });
    expect(examples.blocks).toEqual(copy);
    expect(fitModel(examples, options)).toEqual(trainModel(places, edges, options).model);
    expect(linear.kind).toBe('logistic');
    expect(examples.blocks.length).toBeGreaterThan(0);
  });
  it('fits a linear model closer to its optimum when its step falls to zero over the epochs', () => {
    const { places, edges } = randomNetwork(3);
    const examples = sampleExamples(places, edges, options);
    // The grouped softmax loss the fit minimises (each block's link is its first row), L2 aside.
    const loss = (model: ReturnType<typeof fitModel>): number =>
      examples.blocks.reduce((sum, block, b) => {
        const scores = Array.from(scoreRows(model, block), (x, r) => x + examples.offsets[b]![r]!);
        const top = Math.max(...scores);
        return sum - (scores[0]! - top - Math.log(scores.reduce((t, x) => t + Math.exp(x - top), 0)));
      }, 0);
    // A large step, so that a constant one keeps jumping about the optimum.
    const fit = { ...options, model: 'logistic' as const, learningRate: 0.3, epochs: 8, l2: 0 };
    const constant = fitModel(examples, { ...fit, decay: false });
    const falling = fitModel(examples, { ...fit, decay: true });
    expect(fitModel(examples, { ...fit, decay: true })).toEqual(falling);
    expect(loss(falling)).toBeLessThan(loss(constant));
  });
  it('adds a linear model fit to the same groups, scaled by the blend weight, to the same trees', () => {
    const { places, edges } = randomNetwork(3);
    const examples = sampleExamples(places, edges, options);
    const trees = fitModel(examples, { ...options, linearBlend: 0 });
    const linear = fitModel(examples, { ...options, model: 'logistic' });
    const blend = fitModel(examples, { ...options, linearBlend: 0.5 });
    if (blend.kind !== 'boosted' || trees.kind !== 'boosted' || linear.kind !== 'logistic')
      throw new Error('expected trees and a linear model');
    expect(trees.linear).toBeUndefined();
    expect(blend.trees).toEqual(trees.trees);
    expect(blend.training?.linearBlend).toBe(0.5);
    expect(blend.linear?.means).toEqual(linear.means);
    expect(blend.linear?.weights).toEqual(linear.weights.map((w) => Number((w * 0.5).toPrecision(6))));
    const rows = candidateFeatures(buildSuggestGraph(places, edges), 0);
    const blended = scoreRows(blend, rows);
    const alone = scoreRows(trees, rows);
    const linearAlone = scoreRows(linear, rows);
    // Candidates' rows (row 0 is the query itself, whose distance ranks are not finite).
    for (const i of [1, 5, 17, 60]) {
      expect(blended[i]).toBeCloseTo(alone[i]! + 0.5 * linearAlone[i]!, 4);
      expect(scoreRow(blend, rows, i)).toBeCloseTo(blended[i]!, 9);
      // The parts and the trees' root values add up to the score.
      const roots = blend.trees.reduce((sum, tree) => sum + tree.value[0]!, 0);
      const parts = contributions(blend, rows, i).reduce((sum, x) => sum + x, 0);
      expect(roots + parts).toBeCloseTo(blended[i]!, 9);
    }
  });
  it('counts each sampled non-partner as the candidates it stands for, the link as itself', () => {
    // A ring of 60 places: a query always has 57 candidates (all but itself and its two neighbours, kept or hidden).
    const places = Array.from({ length: 60 }, (_, i) => ({ key: `r${i}`, name: `Ring ${i}`, country: 'DE' }));
    const edges = places.map((_, i): [number, number] => [i, (i + 1) % 60]);
    const ring = { ...options, holdOut: 0.2, placeHoldOut: 0, negatives: 10, rounds: 1 };
    const uniform = sampleExamples(places, edges, ring);
    expect(uniform.offsets.length).toBe(uniform.blocks.length);
    expect(uniform.blocks.length).toBeGreaterThan(0);
    for (const offset of uniform.offsets) {
      expect(offset[0]).toBe(0);
      for (let k = 1; k <= 10; k++) expect(offset[k]).toBeCloseTo(Math.log(57 / 10), 12);
    }
    // Four of the ten from the heuristic's best 20: the two strata's offsets account for the 57 between them.
    const hard = sampleExamples(places, edges, { ...ring, hardNegatives: 4, hardPool: 20 });
    for (const offset of hard.offsets) {
      const pool = 4 * Math.exp(offset[1]!);
      expect(pool).toBeLessThanOrEqual(20 + 1e-9);
      expect(pool + 6 * Math.exp(offset[10]!)).toBeCloseTo(57, 9);
    }
    // The correction changes what is fit, and fits the same way twice.
    const corrected = fitModel(uniform, { ...ring, correction: true });
    expect(corrected).not.toEqual(fitModel(uniform, { ...ring, correction: false }));
    expect(fitModel(uniform, { ...ring, correction: true })).toEqual(corrected);
  });
  it('averages fits trained whole from seeds derived from the seed, the same each time', () => {
    const { places, edges } = randomNetwork(3);
    const two = { ...options, fits: 2 };
    const model = trainModel(places, edges, two).model;
    expect(trainModel(places, edges, two).model).toEqual(model);
    const first = trainModel(places, edges, options).model;
    const second = trainModel(places, edges, { ...options, seed: 1001 }).model;
    expect(first.training).not.toHaveProperty('fits');
    expect(model).toEqual(averageModels([first, second]));
    if (model.kind !== 'boosted' || first.kind !== 'boosted') throw new Error('expected trees');
    expect(model.trees).toHaveLength(20);
    expect(model.training).toMatchObject({ seed: 1, fits: 2, seeds: '1,1001' });
    // The first fit's trees at half their values: the one-fit model is the first of the average.
    expect(model.trees[0]!.value).toEqual(first.trees[0]!.value.map((v) => Number((v / 2).toPrecision(6))));
    const rows = candidateFeatures(buildSuggestGraph(places, edges), 0);
    const [s, a, b] = [model, first, second].map((m) => scoreRows(m, rows));
    for (const i of [5, 17, 60])
      expect(s![i]! - s![1]!).toBeCloseTo((a![i]! + b![i]! - a![1]! - b![1]!) / 2, 4);
  });
  it('ranks the same way twice, ties broken by key, never the query nor its partners', () => {
    const { places, edges } = randomNetwork(5);
    const graph = buildSuggestGraph(places, edges);
    const model = trainModel(places, edges, options).model;
    const one = rankCandidates(graph, model, 0, 20).candidates;
    const two = rankCandidates(graph, model, 0, 20).candidates;
    expect(two).toEqual(one);
    const partners = new Set(edges.flatMap(([a, b]) => (a === 0 ? [b] : b === 0 ? [a] : [])));
    expect(one.some((c) => c.index === 0 || partners.has(c.index))).toBe(false);
  });
  it('keeps only the country or continent asked', () => {
    const graph = tinyGraph();
    const ranked = rankCandidates(graph, heuristicModel(), 0, 10, { country: 'de' }).candidates;
    expect(ranked.map((c) => graph.places[c.index]!.key)).toEqual(['e']);
    expect(rankCandidates(graph, heuristicModel(), 0, 10, { continent: 'AS' }).candidates).toEqual([]);
  });
  it('scores a row as the weighted sum of standardised features', () => {
    const graph = tinyGraph();
    const rows = candidateFeatures(graph, 0);
    const model = heuristicModel();
    const expected = model.weights.reduce((s, w, j) => s + w * rows[3 * FEATURE_COUNT + j]!, 0);
    expect(scoreRow(model, rows, 3)).toBeCloseTo(expected, 12);
    expect(model.weights[F.resourceAllocation]).toBeGreaterThan(0);
  });
});

describe('evaluation', () => {
  it('counts recall at 10 and the reciprocal rank, ties at their expected place', () => {
    const scores = Float64Array.from({ length: 30 }, (_, i) => 30 - i); // place 0 best
    const all = () => true;
    expect(evaluateQuery(scores, all, [0])).toEqual({ recallAt10: 1, recallAt50: 1, reciprocalRank: 1 });
    const late = evaluateQuery(scores, all, [19]);
    expect(late.recallAt10).toBe(0);
    expect(late.reciprocalRank).toBeCloseTo(1 / 20, 12);
    const tied = new Float64Array(20); // every place tied: the target is in the top 10 half the time
    const even = evaluateQuery(tied, all, [4]);
    expect(even.recallAt10).toBeCloseTo(0.5, 12);
    expect(even.reciprocalRank).toBeCloseTo(
      [...Array(20).keys()].reduce((s, r) => s + 1 / (r + 1), 0) / 20,
      12,
    );
  });
});
