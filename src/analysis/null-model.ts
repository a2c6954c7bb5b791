import { randomInt, type Rng } from './random.js';

/** An edge list as two parallel arrays of node numbers. */
export interface EdgeList {
  edgeA: Int32Array;
  edgeB: Int32Array;
}

/**
 * Degree-preserving randomisation by double-edge swaps: (a,b),(c,d) become (a,d),(c,b) unless that
 * makes a self-loop or a duplicate. Every node keeps its number of partners; who they are is shuffled.
 * `attempts` swaps are tried (10 × edges is customary); returns the rewired copy.
 */
export function doubleEdgeSwap(n: number, edges: EdgeList, attempts: number, rng: Rng): EdgeList {
  const edgeA = edges.edgeA.slice();
  const edgeB = edges.edgeB.slice();
  const m = edgeA.length;
  const pair = (x: number, y: number): number => (x < y ? x * n + y : y * n + x);
  const present = new Set<number>();
  for (let i = 0; i < m; i++) present.add(pair(edgeA[i]!, edgeB[i]!));
  if (m < 2) return { edgeA, edgeB };
  for (let t = 0; t < attempts; t++) {
    const i = randomInt(rng, m);
    const j = randomInt(rng, m);
    if (i === j) continue;
    const a = edgeA[i]!;
    const b = edgeB[i]!;
    const flip = rng() < 0.5;
    const c = flip ? edgeB[j]! : edgeA[j]!;
    const d = flip ? edgeA[j]! : edgeB[j]!;
    if (a === d || c === b || present.has(pair(a, d)) || present.has(pair(c, b))) continue;
    present.delete(pair(a, b));
    present.delete(pair(c, d));
    present.add(pair(a, d));
    present.add(pair(c, b));
    edgeB[i] = d;
    edgeA[j] = c;
    edgeB[j] = b;
  }
  return { edgeA, edgeB };
}
