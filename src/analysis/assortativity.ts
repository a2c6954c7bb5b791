import type { TwinGraph } from './twin-graph.js';

/**
 * Degree assortativity: Pearson's correlation between the degrees at the two ends of an edge,
 * each edge counted in both directions (Newman 2002; networkx's degree_assortativity_coefficient).
 * NaN when every edge joins nodes of one degree.
 */
export function degreeAssortativity(graph: TwinGraph): number {
  const { m, edgeA, edgeB, offsets } = graph;
  let sum = 0;
  let sumSquares = 0;
  let sumProducts = 0;
  for (let i = 0; i < m; i++) {
    const a = edgeA[i]!;
    const b = edgeB[i]!;
    const da = offsets[a + 1]! - offsets[a]!;
    const db = offsets[b + 1]! - offsets[b]!;
    sum += da + db;
    sumSquares += da * da + db * db;
    sumProducts += 2 * da * db;
  }
  const ends = 2 * m;
  // Integer sums stay exact in doubles at registry scale, so the only rounding is the last division.
  return (ends * sumProducts - sum * sum) / (ends * sumSquares - sum * sum);
}
