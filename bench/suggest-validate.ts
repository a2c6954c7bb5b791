/**
 * Chooses the partner finder's training settings without the test links (issue 14): the 2016 links of the
 * temporal split are split again (seeded, bench/suggest-data.ts: every link of 10% of places and 12% of the
 * others held out), each configuration is trained on the kept links and scored on finding the held-out ones
 * from places with a kept link, beside nearest-by-distance in the same run. Prints a markdown table.
 *   Run: SUGGEST_CONFIGS='[{}, {"rounds":3}]' npx tsx bench/suggest-validate.ts
 * Each configuration overrides DEFAULT_TRAINING (its `boost` merged into the default trees' settings). The
 * cities get populations, seat levels and divisions from the registry as in bench/suggest-eval.ts
 * (SUGGEST_FACTS=none: none; a list such as `population,seat`: those). SUGGEST_VALIDATION=gap holds out 25% of
 * links and every link of 3% of places instead (GAP_SPLIT: nearer the gap between the snapshots).
 * SUGGEST_TREE_PREFIXES=200,300 also scores each boosted model's first 200 and 300 trees. A configuration with
 * `"fits":3` also scores the average of its first fit and of its first two (the first fit is `"fits":1`'s model).
 * SUGGEST_VALIDATION_SEED=100 draws the split's hold-out with that seed instead of 99.
 */
import { loadavg } from 'node:os';
import { evaluateQuery, summarise, type QueryOutcome } from '../src/core/suggest/evaluation.js';
import { candidateFeatures, distancesFrom } from '../src/core/suggest/features.js';
import { areLinked, buildSuggestGraph, degreeOf } from '../src/core/suggest/graph.js';
import { averageModels, fitSeeds } from '../src/core/suggest/average.js';
import { scoreRows, type SuggestModel } from '../src/core/suggest/model.js';
import {
  DEFAULT_TRAINING,
  fitModel,
  sampleExamples,
  trainModel,
  type TrainingExamples,
  type TrainingOptions,
} from '../src/core/suggest/train.js';
import { SHARED_DATA } from './analysis-data.js';
import { coastFromEnv, factsFromEnv, GAP_SPLIT, temporalSplit, validationSplit } from './suggest-data.js';

type Config = Partial<Omit<TrainingOptions, 'boost'>> & { boost?: Partial<TrainingOptions['boost']> };

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
// SUGGEST_FACTS=none leaves out the registry's populations and seat levels (the split as before session 8);
// `population` or `seat` gives one of the two.
const split = temporalSplit(SHARED_DATA, factsFromEnv(), coastFromEnv());
if (!split) throw new Error('the temporal split needs ../shared/data/wikidata-2026 and wikidata-2016');
const configs = JSON.parse(process.env.SUGGEST_CONFIGS ?? '[{}]') as Config[];
const before = load();
const gap = process.env.SUGGEST_VALIDATION === 'gap';
// SUGGEST_VALIDATION_SEED=100: another draw of the same split (99 unless said), to see a change over several draws.
const validationSeed = Number(process.env.SUGGEST_VALIDATION_SEED ?? 99);
if (!Number.isInteger(validationSeed)) throw new Error('SUGGEST_VALIDATION_SEED: give an integer');
const { fit, held } = gap
  ? validationSplit(split.places, split.train, validationSeed, GAP_SPLIT.linkShare, GAP_SPLIT.placeShare)
  : validationSplit(split.places, split.train, validationSeed);
const models: [string, SuggestModel][] = [];
// SUGGEST_BLEND=0.25,0.5: each boosted model's trees (without the linear term they may carry) plus that weight times
// the score of a linear model fit to the same groups (both are logits of the same grouped softmax).
const blendWeights = (process.env.SUGGEST_BLEND ?? '')
  .split(',')
  .filter((x) => x !== '')
  .map(Number);
const blends: [string, SuggestModel, SuggestModel, number][] = [];
const prefixes = (process.env.SUGGEST_TREE_PREFIXES ?? '')
  .split(',')
  .filter((x) => x !== '')
  .map(Number);
const sampled = new Map<string, TrainingExamples>();
for (const config of configs) {
  const options: TrainingOptions = {
    ...DEFAULT_TRAINING,
    ...config,
    boost: { ...DEFAULT_TRAINING.boost, ...config.boost },
  };
  // Configurations that differ only in how they fit share their groups.
  const {
    boost: _boost,
    model: _model,
    epochs: _e,
    learningRate: _r,
    l2: _l,
    correction: _c,
    decay: _d,
    linearBlend: _b,
    ...drawing
  } = options;
  const key = JSON.stringify({ ...drawing, fits: 1 });
  const single = { ...options, fits: 1 };
  const examples = sampled.get(key) ?? sampled.set(key, sampleExamples(split.places, fit, single)).get(key)!;
  // With `fits`, the first fit is the one-fit model; the others are trained whole from their own seeds, and the
  // average of the first k fits is scored for every k (so the one-fit model is measured in the same run).
  const parts = [fitModel(examples, single)];
  for (const seed of fitSeeds(options.seed, options.fits).slice(1))
    parts.push(trainModel(split.places, fit, { ...single, seed }).model);
  for (let k = 1; k < parts.length; k++)
    models.push([
      `${JSON.stringify(config)}, first ${k} fit${k > 1 ? 's' : ''}`,
      averageModels(parts.slice(0, k)),
    ]);
  const model = averageModels(parts);
  models.push([JSON.stringify(config), model]);
  // SUGGEST_BAG=2: a second fit of the same groups with another seed, the two models' scores averaged.
  const bag = Number(process.env.SUGGEST_BAG ?? 1);
  if (model.kind === 'boosted' && bag > 1) {
    const others = Array.from({ length: bag - 1 }, (_, k) =>
      fitModel(examples, { ...options, seed: options.seed + 1000 * (k + 1), linearBlend: 0 }),
    );
    const trees = [model, ...others].flatMap((m) =>
      m.kind === 'boosted' ? m.trees.map((t) => ({ ...t, value: t.value.map((v) => v / bag) })) : [],
    );
    models.push([`${JSON.stringify(config)}, bag of ${bag}`, { ...model, trees }]);
  }
  if (model.kind === 'boosted' && blendWeights.length > 0) {
    const linear = fitModel(examples, { ...options, model: 'logistic' });
    models.push([`${JSON.stringify(config)}, linear model on the same groups`, linear]);
    for (const w of blendWeights)
      blends.push([
        `${JSON.stringify(config)}, trees + ${w} × linear`,
        { ...model, linear: undefined },
        linear,
        w,
      ]);
  }
  // SUGGEST_TREE_PREFIXES=200,300: the same boosted model's first 200 and 300 trees scored too (the trees are grown
  // in order, so a prefix is the model that many trees would have given).
  for (const k of prefixes)
    if (model.kind === 'boosted' && k < model.trees.length)
      models.push([
        `${JSON.stringify(config)}, first ${k} trees`,
        { ...model, trees: model.trees.slice(0, k) },
      ]);
}

const graph = buildSuggestGraph(split.places, fit);
const targetsOf = new Map<number, number[]>();
for (const [a, b] of held) {
  (targetsOf.get(a) ?? targetsOf.set(a, []).get(a)!).push(b);
  (targetsOf.get(b) ?? targetsOf.set(b, []).get(b)!).push(a);
}
const queries = [...targetsOf.keys()].sort((x, y) => x - y).filter((q) => degreeOf(graph, q) > 0);
const outcomes = [
  [] as QueryOutcome[],
  ...models.map(() => [] as QueryOutcome[]),
  ...blends.map(() => [] as QueryOutcome[]),
];
for (const q of queries) {
  const rows = candidateFeatures(graph, q);
  const isCandidate = (i: number): boolean => i !== q && !areLinked(graph, q, i);
  const targets = targetsOf.get(q)!;
  const nearest = distancesFrom(graph, q).map((d) => (Number.isFinite(d) ? -d : -Infinity));
  outcomes[0]!.push(evaluateQuery(nearest, isCandidate, targets));
  const scores = new Map<SuggestModel, Float64Array>();
  const scoreOf = (model: SuggestModel): Float64Array =>
    scores.get(model) ?? scores.set(model, scoreRows(model, rows)).get(model)!;
  models.forEach(([, model], m) =>
    outcomes[m + 1]!.push(evaluateQuery(scoreOf(model), isCandidate, targets)),
  );
  blends.forEach(([, trees, linear, w], b) => {
    const t = scoreOf(trees);
    const l = scoreOf(linear);
    const blended = t.map((x, i) => x + w * l[i]!);
    outcomes[models.length + b + 1]!.push(evaluateQuery(blended, isCandidate, targets));
  });
}
const targetCount = queries.reduce((s, q) => s + targetsOf.get(q)!.length, 0);
console.log(
  `Validation${gap ? ' (gap split)' : ''}, seed ${validationSeed}: ${fit.length} of the ${split.train.length} links of 2016 kept, ${held.length} held out; ${queries.length} query places with a kept link, ${targetCount} links to find.\n`,
);
console.log('| configuration | recall@10 | recall@50 | MRR |\n| --- | ---: | ---: | ---: |');
['nearest by distance', ...models.map(([name]) => name), ...blends.map(([name]) => name)].forEach(
  (name, m) => {
    const s = summarise(outcomes[m]!, targetCount);
    console.log(
      `| ${name} | ${s.recallAt10.toFixed(4)} | ${s.recallAt50.toFixed(4)} | ${s.reciprocalRank.toFixed(4)} |`,
    );
  },
);
console.log(`\nload average at start: ${before}, at end: ${load()}`);
