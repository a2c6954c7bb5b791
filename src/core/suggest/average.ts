import type { BoostedModel, LinearModel, LinearTerm, SuggestModel } from './model.js';

/**
 * The training seeds of a model of `fits` fits: the seed itself, then seed + 1000, seed + 2000, …, so that the
 * first fit is the one-fit model and no fit's generators (its seed, and its seed + 1 for the fit) are another's.
 */
export function fitSeeds(seed: number, fits: number): number[] {
  return Array.from({ length: Math.max(1, fits) }, (_, k) => seed + 1000 * k);
}

/** Weights kept to 6 significant digits, as train.ts writes them. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

/**
 * One linear term whose value is the mean of the terms' values up to a constant (the same for every candidate):
 * the means and scales averaged, each weight the mean of weight / scale over the terms, times the new scale.
 */
function averageTerms(terms: readonly LinearTerm[]): LinearTerm {
  const width = terms[0]!.weights.length;
  const mean = (pick: (t: LinearTerm, j: number) => number): number[] =>
    Array.from({ length: width }, (_, j) => terms.reduce((s, t) => s + pick(t, j), 0) / terms.length);
  const means = mean((t, j) => t.means[j]!);
  const scales = mean((t, j) => t.scales[j]!);
  const slopes = mean((t, j) => t.weights[j]! / t.scales[j]!);
  return {
    means: means.map(round),
    scales: scales.map(round),
    weights: slopes.map((w, j) => round(w * scales[j]!)),
  };
}

/** The training record of the average: the first fit's, with the fits' seeds and their summed counts. */
function averageTraining(models: readonly SuggestModel[]): Record<string, string | number> {
  const first = models[0]!.training ?? {};
  const sum = (field: string): number =>
    models.reduce((s, m) => s + (typeof m.training?.[field] === 'number' ? m.training[field] : 0), 0);
  return {
    ...first,
    fits: models.length,
    seeds: models.map((m) => String(m.training?.seed ?? '')).join(','),
    ...('queries' in first ? { queries: sum('queries') } : {}),
    ...('examples' in first ? { examples: sum('examples') } : {}),
  };
}

/**
 * One model whose score is the mean of the models' scores, up to a constant the same for every candidate (so it
 * ranks as their mean does): for trees, every fit's trees with their values divided by the number of fits (each
 * node's, so that a feature's parts still add up to the score); the linear terms averaged (a fit without one
 * counts as a term of zero weights). A single model is returned as it is. The models are of one kind.
 */
export function averageModels(models: readonly SuggestModel[]): SuggestModel {
  if (models.length === 1) return models[0]!;
  const k = models.length;
  const training = averageTraining(models);
  if (models.every((m): m is LinearModel => m.kind !== 'boosted'))
    return { ...models[0]!, ...averageTerms(models), training };
  if (!models.every((m): m is BoostedModel => m.kind === 'boosted'))
    throw new Error('averageModels: the models are not of one kind');
  const trees = models.flatMap((m) =>
    m.trees.map((t) => ({ ...t, value: t.value.map((v) => round(v / k)) })),
  );
  const linears = models.map((m) => m.linear);
  const present = linears.find((t) => t !== undefined);
  const zero = (t: LinearTerm): LinearTerm => ({ ...t, weights: t.weights.map(() => 0) });
  const linear = present ? averageTerms(linears.map((t) => t ?? zero(present))) : undefined;
  return { ...models[0]!, trees, ...(linear ? { linear } : {}), training };
}
