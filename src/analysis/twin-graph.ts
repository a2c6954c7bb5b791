import { selectNetwork, type NetworkFilter, type TwinGraphInput, type TwinNodeInput } from './graph-input.js';

/** An undirected graph in compressed sparse row form: the neighbours of v are `neighbors[offsets[v] .. offsets[v+1])`. */
export interface Csr {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
}

/**
 * The compact twinning network every metric runs on: nodes numbered 0..n-1 in input order,
 * each undirected edge once (`edgeA[i] < edgeB[i]`, sorted), neighbour lists sorted ascending.
 */
export interface TwinGraph extends Csr {
  /** Number of distinct undirected edges. */
  readonly m: number;
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Attributes per node index (only `key` for nodes known only from an edge). */
  readonly nodes: readonly TwinNodeInput[];
  readonly edgeA: Int32Array;
  readonly edgeB: Int32Array;
  /** Every input edge that became edge i, as indices into the input's `edges`. */
  readonly edgeOrigins: readonly (readonly number[])[];
  /** Input edges dropped because both ends are the same place. */
  readonly selfLoops: number;
  /** Input edges dropped because the pair was already linked. */
  readonly duplicates: number;
}

/** Builds the compact graph from the plain input: deduplicated, self-loops dropped and counted. */
export function buildTwinGraph(input: TwinGraphInput): TwinGraph {
  const indexOf = new Map<string, number>();
  const nodes: TwinNodeInput[] = [];
  const add = (node: TwinNodeInput): number => {
    let index = indexOf.get(node.key);
    if (index === undefined) {
      index = nodes.length;
      indexOf.set(node.key, index);
      nodes.push(node);
    }
    return index;
  };
  for (const node of input.nodes) add(node);
  const ends = input.edges.map((edge) => [add({ key: edge.a }), add({ key: edge.b })] as const);
  const n = nodes.length;
  const { pairs, selfLoops } = groupPairs(ends, n);
  const packedPairs = Float64Array.from(pairs.keys()).sort();
  const m = packedPairs.length;
  const edgeA = new Int32Array(m);
  const edgeB = new Int32Array(m);
  const edgeOrigins: number[][] = [];
  packedPairs.forEach((packed, i) => {
    edgeA[i] = Math.floor(packed / n);
    edgeB[i] = packed % n;
    edgeOrigins.push(pairs.get(packed)!);
  });
  const { offsets, neighbors } = csrFromEdges(n, edgeA, edgeB);
  const duplicates = input.edges.length - selfLoops - m;
  const keys = nodes.map((node) => node.key);
  return { n, m, keys, indexOf, nodes, edgeA, edgeB, edgeOrigins, selfLoops, duplicates, offsets, neighbors };
}

/** The compact graph of the part of the network a filter selects (as of a year, by kind, country or source). */
export function buildNetwork(input: TwinGraphInput, filter: NetworkFilter = {}): TwinGraph {
  return buildTwinGraph(selectNetwork(input, filter));
}

/** Groups edge ends by unordered pair, packed as `min * n + max`; self-loops are counted, not kept. */
function groupPairs(
  ends: readonly (readonly [number, number])[],
  n: number,
): { pairs: Map<number, number[]>; selfLoops: number } {
  const pairs = new Map<number, number[]>();
  let selfLoops = 0;
  ends.forEach(([a, b], i) => {
    if (a === b) {
      selfLoops++;
      return;
    }
    const packed = Math.min(a, b) * n + Math.max(a, b);
    const origins = pairs.get(packed);
    if (origins) origins.push(i);
    else pairs.set(packed, [i]);
  });
  return { pairs, selfLoops };
}

/** Builds sorted CSR adjacency from unique undirected edges. */
export function csrFromEdges(n: number, edgeA: Int32Array, edgeB: Int32Array): Csr {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < edgeA.length; i++) {
    offsets[edgeA[i]! + 1]!++;
    offsets[edgeB[i]! + 1]!++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(offsets[n]!);
  for (let i = 0; i < edgeA.length; i++) {
    const a = edgeA[i]!;
    const b = edgeB[i]!;
    neighbors[fill[a]!++] = b;
    neighbors[fill[b]!++] = a;
  }
  for (let v = 0; v < n; v++) neighbors.subarray(offsets[v]!, offsets[v + 1]!).sort();
  return { n, offsets, neighbors };
}

/** Number of neighbours of node v. */
export function degreeOf(csr: Csr, v: number): number {
  return csr.offsets[v + 1]! - csr.offsets[v]!;
}
