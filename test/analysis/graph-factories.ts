import type { TwinEdgeInput, TwinGraphInput, TwinNodeInput } from '../../src/analysis/graph-input.js';
import { buildTwinGraph, type TwinGraph } from '../../src/analysis/twin-graph.js';

/** An input from a compact edge list: `'a-b b-c'`, keys of letters and digits. */
export function inputFrom(pairs: string, nodes: TwinNodeInput[] = []): TwinGraphInput {
  const edges = pairs
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const [a, b] = pair.split('-') as [string, string];
      return { a, b };
    });
  return { nodes, edges };
}

/** The compact graph of `inputFrom(pairs)`. */
export function graphFrom(pairs: string, nodes: TwinNodeInput[] = []): TwinGraph {
  return buildTwinGraph(inputFrom(pairs, nodes));
}

/** One input edge with overrides. */
export function buildEdge(overrides: Partial<TwinEdgeInput> & Pick<TwinEdgeInput, 'a' | 'b'>): TwinEdgeInput {
  return { ...overrides };
}

/** A random graph on n nodes with about m edges, from a small seeded generator. */
export function randomInput(n: number, m: number, seed: number): TwinGraphInput {
  let state = seed;
  const next = (bound: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % bound;
  };
  const edges = Array.from({ length: m }, () => ({ a: `v${next(n)}`, b: `v${next(n)}` }));
  return { nodes: Array.from({ length: n }, (_, i) => ({ key: `v${i}` })), edges };
}
