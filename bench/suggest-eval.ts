/**
 * Partner finder as link prediction (issue 14): a temporal split on the Wikidata snapshots of 2016 and 2026,
 * and a seeded 10% hold-out of the registry's links, each scored for random, preferential attachment, common
 * neighbours, Adamic–Adar, resource allocation, nearest-by-distance, the heuristic fallback and the trained model
 * in the same run; then the time of one query over the registry's places, against the cost of computing
 * distances alone. Prints markdown for docs/benchmarks.md.
 *   Run: npx tsx bench/suggest-eval.ts [--registry /tmp/world.sqlite] [--no-temporal]
 * SUGGEST_QUERIES caps the registry's query places (500); SUGGEST_TRAINING='{"rounds":3}' overrides training
 * options for an experiment; SUGGEST_DIAG=1 also scores every feature alone. The temporal split's cities get
 * the population and seat level the bundled world registry and its gazetteer hold of their Wikidata items
 * (bench/suggest-data.ts); SUGGEST_FACTS=none leaves them out.
 */
import { loadavg } from 'node:os';
import { seededRng } from '../src/core/random.js';
import {
  evaluateQuery,
  summarise,
  type EvaluationSummary,
  type QueryOutcome,
} from '../src/core/suggest/evaluation.js';
import {
  candidateFeatures,
  distancesFrom,
  F,
  FEATURE_COUNT,
  FEATURES,
} from '../src/core/suggest/features.js';
import { areLinked, buildSuggestGraph, degreeOf, type SuggestGraph } from '../src/core/suggest/graph.js';
import { averageModels, fitSeeds } from '../src/core/suggest/average.js';
import { heuristicModel, scoreRows, type SuggestModel } from '../src/core/suggest/model.js';
import {
  DEFAULT_TRAINING,
  fitModel,
  sampleExamples,
  shuffleInPlace,
  trainModel,
} from '../src/core/suggest/train.js';
import { SHARED_DATA } from './analysis-data.js';
import { coastFromEnv, factsFromEnv, temporalSplit, type Edge } from './suggest-data.js';

type Method = (rows: Float64Array, graph: SuggestGraph, query: number) => Float64Array;

/** A column of the feature rows, optionally negated, as scores. */
const column =
  (feature: number, sign = 1): Method =>
  (rows) => {
    const n = rows.length / FEATURE_COUNT;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = sign * rows[i * FEATURE_COUNT + feature]!;
    return out;
  };

function methods(
  model: SuggestModel,
  seed: number,
  linear?: SuggestModel,
  firstFit?: SuggestModel,
): [string, Method][] {
  const rng = seededRng(seed);
  return [
    ['random', (rows) => Float64Array.from({ length: rows.length / FEATURE_COUNT }, () => rng())],
    ['preferential attachment', column(F.logDegree)],
    ['common neighbours', column(F.commonNeighbours)],
    ['Adamic–Adar', column(F.adamicAdar)],
    ['resource allocation', column(F.resourceAllocation)],
    [
      'nearest by distance',
      (rows, graph, q) => {
        const d = distancesFrom(graph, q);
        return d.map((x) => (Number.isFinite(x) ? -x : -Infinity));
      },
    ],
    ['heuristic fallback', (rows) => scoreRows(heuristicModel(), rows)],
    ...(linear
      ? [['linear model, same features', (rows: Float64Array) => scoreRows(linear, rows)] as [string, Method]]
      : []),
    // The trees without the linear term they carry, to tell what the blend adds.
    ...(model.kind === 'boosted' && model.linear
      ? [
          ['trees alone', (rows: Float64Array) => scoreRows({ ...model, linear: undefined }, rows)] as [
            string,
            Method,
          ],
        ]
      : []),
    // The first of several fits alone: the one-fit model of the same seed.
    ...(firstFit
      ? [['model, first fit alone', (rows: Float64Array) => scoreRows(firstFit, rows)] as [string, Method]]
      : []),
    [
      `model (${model.kind}${model.kind === 'boosted' && model.linear ? ' + linear' : ''})`,
      (rows) => scoreRows(model, rows),
    ],
    ...(process.env.SUGGEST_DIAG ? FEATURES.map((f, j): [string, Method] => [f, column(j)]) : []),
  ];
}

interface SplitResult {
  name: string;
  warm: [string, EvaluationSummary][];
  cold: [string, EvaluationSummary][];
}

/** Scores every method on the queries of a split: features from the training graph only. */
function evaluateSplit(
  name: string,
  graph: SuggestGraph,
  tests: readonly Edge[],
  model: SuggestModel,
  maxQueries = Infinity,
  linear?: SuggestModel,
  firstFit?: SuggestModel,
): SplitResult {
  const targetsOf = new Map<number, number[]>();
  for (const [a, b] of tests) {
    (targetsOf.get(a) ?? targetsOf.set(a, []).get(a)!).push(b);
    (targetsOf.get(b) ?? targetsOf.set(b, []).get(b)!).push(a);
  }
  let queries = [...targetsOf.keys()].sort((x, y) => x - y);
  if (queries.length > maxQueries)
    queries = shuffleInPlace(queries, seededRng(7))
      .slice(0, maxQueries)
      .sort((x, y) => x - y);
  const ms = methods(model, 11, linear, firstFit);
  const warm = ms.map(() => [] as QueryOutcome[]);
  const cold = ms.map(() => [] as QueryOutcome[]);
  const warmTargets = [0];
  const coldTargets = [0];
  for (const q of queries) {
    const rows = candidateFeatures(graph, q);
    const targets = targetsOf.get(q)!;
    const isCandidate = (i: number): boolean => i !== q && !areLinked(graph, q, i);
    const isWarm = degreeOf(graph, q) > 0;
    (isWarm ? warmTargets : coldTargets)[0]! += targets.length;
    ms.forEach(([, method], m) =>
      (isWarm ? warm : cold)[m]!.push(evaluateQuery(method(rows, graph, q), isCandidate, targets)),
    );
  }
  return {
    name,
    warm: ms.map(([label], m) => [label, summarise(warm[m]!, warmTargets[0]!)]),
    cold: ms.map(([label], m) => [label, summarise(cold[m]!, coldTargets[0]!)]),
  };
}

function table(rows: [string, EvaluationSummary][]): string {
  const q = rows[0]?.[1];
  const lines = [
    `${q?.queries ?? 0} queries, ${q?.targets ?? 0} links to find`,
    '',
    '| method | recall@10 | recall@50 | MRR |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      ([m, s]) =>
        `| ${m} | ${s.recallAt10.toFixed(4)} | ${s.recallAt50.toFixed(4)} | ${s.reciprocalRank.toFixed(4)} |`,
    ),
  ];
  return lines.join('\n');
}

const out: string[] = [];
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
// --no-temporal: the registry hold-out alone (so that the two can run side by side as two processes).
const temporal = !process.argv.includes('--no-temporal');
// SUGGEST_FACTS=none leaves out the registry's populations and seat levels (the split as before session 8);
// `population` or `seat` gives one of the two.
const split = temporal ? temporalSplit(SHARED_DATA, factsFromEnv(), coastFromEnv()) : undefined;
if (temporal && !split)
  console.log(`skipped the temporal split: ${SHARED_DATA} has no wikidata-2026/nodes.tsv`);
if (split) {
  const options = {
    ...DEFAULT_TRAINING,
    ...(JSON.parse(process.env.SUGGEST_TRAINING ?? '{}') as object),
  };
  const t0 = performance.now();
  const single = { ...options, fits: 1 };
  const sampled = sampleExamples(split.places, split.train, single);
  // With `fits`, the first fit is the one-fit model (scored alone too); the others are trained whole.
  const parts = [fitModel(sampled, single)];
  let examples = sampled.blocks.length;
  let queries = sampled.queries;
  for (const seed of fitSeeds(options.seed, options.fits).slice(1)) {
    const other = trainModel(split.places, split.train, { ...single, seed });
    parts.push(other.model);
    examples += other.examples;
    queries += other.queries;
  }
  const model = averageModels(parts);
  const firstFit = parts.length > 1 ? parts[0] : undefined;
  const trainMs = performance.now() - t0;
  // The same groups fit by a linear model, to tell what the trees add over the features.
  const t1 = performance.now();
  const linear = fitModel(sampled, { ...options, model: 'logistic' });
  const linearMs = performance.now() - t1;
  const graph = buildSuggestGraph(split.places, split.train);
  const result = evaluateSplit('temporal', graph, split.test, model, Infinity, linear, firstFit);
  out.push(
    `### Temporal split (Wikidata 2016 → 2026)`,
    '',
    `${split.places.length} cities, ${split.train.length} training links (2016), ${split.test.length} new links (2026). Model (${model.kind === 'boosted' ? `${model.trees.length} boosted trees` : model.kind}, ${FEATURE_COUNT} features${parts.length > 1 ? `, the average of ${parts.length} fits` : ''}) trained on the 2016 links only (${queries} queries, ${examples} groups, seed ${options.seed}${parts.length > 1 ? `, fits' seeds ${fitSeeds(options.seed, options.fits).join(', ')}` : ''}) in ${(trainMs / 1000).toFixed(1)} s; the linear model fit to the same groups in ${(linearMs / 1000).toFixed(1)} s.`,
    '',
    `Cities with training links: ${table(result.warm)}`,
    '',
    `Cities with no training link (cold start): ${table(result.cold)}`,
  );
  console.log(out.join('\n'));
}

/** The registry's network (a database made by `twinning init`), its links in force today. */
async function registryNetwork(url: string): Promise<{ graph: SuggestGraph; edges: Edge[] } | undefined> {
  const { openRegistry, BUNDLED_DATA_DIR } = await import('../src/registry/open-registry.js');
  const { loadSuggestNetwork } = await import('../src/registry/suggest/network.js');
  const { edgesOf } = await import('../src/registry/suggest/train.js');
  const { partialDateFromJsDate } = await import('../src/core/partial-date.js');
  const { database } = await openRegistry(url, BUNDLED_DATA_DIR, { dataset: 'world' });
  try {
    const { graph } = await loadSuggestNetwork(database.db, undefined, partialDateFromJsDate(new Date()));
    return { graph, edges: edgesOf(graph) };
  } finally {
    await database.close();
  }
}

const registryAt = process.argv.indexOf('--registry');
if (registryAt > 0) {
  const network = await registryNetwork(process.argv[registryAt + 1]!);
  if (network) {
    const { graph: full, edges } = network;
    const order = shuffleInPlace(
      edges.map((_, i) => i),
      seededRng(2026),
    );
    const cut = Math.round(edges.length * 0.1);
    const test = order.slice(0, cut).map((i) => edges[i]!);
    const train = order.slice(cut).map((i) => edges[i]!);
    const t0 = performance.now();
    const { model } = trainModel(full.places, train, DEFAULT_TRAINING);
    const trainMs = performance.now() - t0;
    const graph = buildSuggestGraph(full.places, train);
    const queries = Number(process.env.SUGGEST_QUERIES ?? 500);
    const result = evaluateSplit('hold-out', graph, test, model, queries);
    // One query over every place: the finder's whole ranking, against distances alone (the cheapest full pass).
    const timeIt = (fn: (q: number) => unknown): number => {
      const rng = seededRng(3);
      const samples: number[] = [];
      for (let k = 0; k < 50; k++) {
        const q = Math.floor(rng() * full.places.length);
        const t = performance.now();
        fn(q);
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      return samples[Math.floor(samples.length / 2)]!;
    };
    const { rankCandidates } = await import('../src/core/suggest/rank.js');
    const whole = timeIt((q) => rankCandidates(full, model, q, 10));
    const distancesOnly = timeIt((q) => distancesFrom(full, q));
    out.push(
      '',
      `### Registry hold-out (seeded 10% of links)`,
      '',
      `${full.places.length} places, ${edges.length} links in force today; ${test.length} held out (seed 2026), model (${model.kind}) trained on the other 90% in ${(trainMs / 1000).toFixed(1)} s; ${queries} query places sampled (seed 7).`,
      '',
      `Places with links left: ${table(result.warm)}`,
      '',
      `Places with no link left: ${table(result.cold)}`,
      '',
      `One query over all ${full.places.length} places (features, scores, top 10; median of 50): ${whole.toFixed(1)} ms; distances alone ${distancesOnly.toFixed(1)} ms (ratio ${(whole / distancesOnly).toFixed(1)}).`,
    );
    console.log(out.slice(out.indexOf('### Registry hold-out (seeded 10% of links)') - 1).join('\n'));
  }
}
console.log(
  `\nload average at start: ${load}, at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
