/** Link-prediction figures of one query: recall at 10 and 50, and the reciprocal rank of the first hit. */
export interface QueryOutcome {
  recallAt10: number;
  recallAt50: number;
  reciprocalRank: number;
}

/** Mean figures over queries. */
export interface EvaluationSummary extends QueryOutcome {
  queries: number;
  targets: number;
}

/**
 * Scores one query: `scores[i]` for every place, `isCandidate(i)` saying which compete (not the query, not a
 * known partner), `targets` the links to find. Ties are counted at their expected place under a random order:
 * a target with g candidates strictly above it and t tied with it (itself included) is in the top k with
 * probability clamp((k − g) / t, 0, 1), and its expected reciprocal rank is the mean of 1/r for r in g+1..g+t.
 * Recall@k is the expected share of the query's targets in its top k; the reciprocal rank is the best target's.
 */
export function evaluateQuery(
  scores: Float64Array,
  isCandidate: (i: number) => boolean,
  targets: readonly number[],
): QueryOutcome {
  let recallAt10 = 0;
  let recallAt50 = 0;
  let reciprocalRank = 0;
  for (const t of targets) {
    const s = scores[t]!;
    let above = 0;
    let tied = 0;
    for (let i = 0; i < scores.length; i++) {
      if (!isCandidate(i)) continue;
      const v = scores[i]!;
      if (v > s) above++;
      else if (v === s) tied++;
    }
    if (tied === 0) tied = 1; // the target itself, should the caller not count it a candidate
    recallAt10 += clamp((10 - above) / tied);
    recallAt50 += clamp((50 - above) / tied);
    reciprocalRank = Math.max(reciprocalRank, meanReciprocal(above + 1, above + tied));
  }
  const k = targets.length || 1;
  return { recallAt10: recallAt10 / k, recallAt50: recallAt50 / k, reciprocalRank };
}

/** The mean over queries of each figure. */
export function summarise(outcomes: readonly QueryOutcome[], targets: number): EvaluationSummary {
  const mean = (pick: (o: QueryOutcome) => number): number =>
    outcomes.length === 0 ? 0 : outcomes.reduce((s, o) => s + pick(o), 0) / outcomes.length;
  return {
    queries: outcomes.length,
    targets,
    recallAt10: mean((o) => o.recallAt10),
    recallAt50: mean((o) => o.recallAt50),
    reciprocalRank: mean((o) => o.reciprocalRank),
  };
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The mean of 1/r for r from `from` to `to` (the expected reciprocal rank of a tie spread over those places). */
function meanReciprocal(from: number, to: number): number {
  if (to - from > 1000) return (Math.log(to + 0.5) - Math.log(from - 0.5)) / (to - from + 1);
  let s = 0;
  for (let r = from; r <= to; r++) s += 1 / r;
  return s / (to - from + 1);
}
