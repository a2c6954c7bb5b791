import type { Csr } from './twin-graph.js';

/** Connected components: the component number of every node, and the size of each component. */
export interface Components {
  readonly count: number;
  readonly componentOf: Int32Array;
  readonly sizes: readonly number[];
  /** The number of the largest component (the first found among equals); -1 for an empty graph. */
  readonly largest: number;
}

/** Labels every node with its connected component, found by breadth-first search. */
export function connectedComponents(csr: Csr): Components {
  const componentOf = new Int32Array(csr.n).fill(-1);
  const queue = new Int32Array(csr.n);
  const sizes: number[] = [];
  for (let start = 0; start < csr.n; start++) {
    if (componentOf[start] !== -1) continue;
    const label = sizes.length;
    componentOf[start] = label;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++]!;
      for (let e = csr.offsets[u]!; e < csr.offsets[u + 1]!; e++) {
        const v = csr.neighbors[e]!;
        if (componentOf[v] === -1) {
          componentOf[v] = label;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  let largest = -1;
  sizes.forEach((size, label) => {
    if (largest === -1 || size > sizes[largest]!) largest = label;
  });
  return { count: sizes.length, componentOf, sizes, largest };
}

/** The nodes of the largest connected component, ascending. */
export function largestComponentNodes(csr: Csr): Int32Array {
  const { componentOf, largest, sizes } = connectedComponents(csr);
  const nodes = new Int32Array(largest === -1 ? 0 : sizes[largest]!);
  let k = 0;
  for (let v = 0; v < csr.n; v++) if (componentOf[v] === largest) nodes[k++] = v;
  return nodes;
}

/** A subgraph on some nodes of a larger graph; `original[i]` is the larger graph's number of node i. */
export interface Subgraph extends Csr {
  readonly original: Int32Array;
}

/** The subgraph induced by `nodes`, numbered in the order given (neighbour lists stay sorted). */
export function inducedSubgraph(csr: Csr, nodes: Int32Array): Subgraph {
  const local = new Int32Array(csr.n).fill(-1);
  nodes.forEach((v, i) => {
    local[v] = i;
  });
  const n = nodes.length;
  const offsets = new Int32Array(n + 1);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = nodes[i]!;
    for (let e = csr.offsets[v]!; e < csr.offsets[v + 1]!; e++) {
      const w = local[csr.neighbors[e]!]!;
      if (w !== -1) kept.push(w);
    }
    offsets[i + 1] = kept.length;
  }
  const neighbors = Int32Array.from(kept);
  for (let i = 0; i < n; i++) neighbors.subarray(offsets[i]!, offsets[i + 1]!).sort();
  return { n, offsets, neighbors, original: nodes };
}
