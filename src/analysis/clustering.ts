import type { Csr } from './twin-graph.js';

/** Triangle counts and the two clustering coefficients networkx calls transitivity and average_clustering. */
export interface Clustering {
  triangles: number;
  /** Connected triples (paths of length two), Σ d(d−1)/2. */
  triples: number;
  /** Global clustering: 3 × triangles / connected triples (0 when there are no triangles). */
  transitivity: number;
  /** Mean over all nodes of the local coefficient, nodes of degree below 2 counting as 0. */
  averageClustering: number;
}

/** Triangles through each node, each triangle found once from its lowest-numbered node. */
export function trianglesPerNode(csr: Csr): Float64Array {
  const { n, offsets, neighbors } = csr;
  const perNode = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) mark[neighbors[e]!] = u;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = neighbors[e]!;
      if (v <= u) continue;
      for (let f = offsets[v]!; f < offsets[v + 1]!; f++) {
        const w = neighbors[f]!;
        if (w > v && mark[w] === u) {
          perNode[u]!++;
          perNode[v]!++;
          perNode[w]!++;
        }
      }
    }
  }
  return perNode;
}

/** Transitivity and average clustering of the whole graph. */
export function clustering(csr: Csr): Clustering {
  const perNode = trianglesPerNode(csr);
  let corners = 0;
  let triples = 0;
  let localSum = 0;
  for (let v = 0; v < csr.n; v++) {
    const d = csr.offsets[v + 1]! - csr.offsets[v]!;
    const t = perNode[v]!;
    corners += t;
    triples += (d * (d - 1)) / 2;
    if (d > 1) localSum += (2 * t) / (d * (d - 1));
  }
  const triangles = corners / 3;
  return {
    triangles,
    triples,
    transitivity: triangles === 0 ? 0 : corners / triples,
    averageClustering: csr.n === 0 ? 0 : localSum / csr.n,
  };
}
