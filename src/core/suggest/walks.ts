import { type SuggestGraph } from './graph.js';

/** The chance a walk goes on along a link at each step, rather than jumping back to the query (PageRank's 0.85). */
export const WALK_DAMPING = 0.85;

/** Power-iteration steps: the error left is at most WALK_DAMPING^steps (0.85^40 < 0.0016). */
export const WALK_STEPS = 40;

/**
 * Personalised PageRank from the query: for every place, the share of time a random walk spends there when at each
 * step it follows one of its place's links (with chance WALK_DAMPING) or jumps back to the query. It reaches past
 * the three hops that path counts see, and weighs a path through a place of many links less than one through a
 * place of few. A walk at a place without links goes back to the query. The shares sum to 1, the query's included.
 */
export function personalisedRank(graph: SuggestGraph, query: number, steps = WALK_STEPS): Float64Array {
  const n = graph.places.length;
  const { offsets, adjacency } = graph;
  let rank = new Float64Array(n);
  let next = new Float64Array(n);
  rank[query] = 1;
  for (let step = 0; step < steps; step++) {
    next.fill(0);
    let back = 1 - WALK_DAMPING;
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      if (r === 0) continue;
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      if (start === end) {
        back += WALK_DAMPING * r;
        continue;
      }
      const share = (WALK_DAMPING * r) / (end - start);
      for (let k = start; k < end; k++) next[adjacency[k]!]! += share;
    }
    next[query]! += back;
    [rank, next] = [next, rank];
  }
  return rank;
}
