import { TwinningError } from '../core/errors.js';
import type { Csr, TwinGraph } from './twin-graph.js';

/** A place reached from another, and in how many twinning steps. */
export interface Reached {
  key: string;
  steps: number;
}

/** Hop distances from one node to every node (−1 where unreachable), up to `limit` steps. */
export function bfsDistances(csr: Csr, source: number, limit = Infinity): Int32Array {
  const { offsets, neighbors } = csr;
  const distance = new Int32Array(csr.n).fill(-1);
  const queue = new Int32Array(csr.n);
  distance[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++]!;
    const next = distance[u]! + 1;
    if (next > limit) break;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const v = neighbors[e]!;
      if (distance[v] === -1) {
        distance[v] = next;
        queue[tail++] = v;
      }
    }
  }
  return distance;
}

/** The node number of a key; throws LocalityNotFound naming the key. */
export function nodeOf(graph: TwinGraph, key: string, field = 'key'): number {
  const index = graph.indexOf.get(key);
  if (index === undefined)
    throw new TwinningError('LocalityNotFound', `no locality "${key}" in the network`, { field });
  return index;
}

/** The shortest chain of twinnings from one place to another, both ends included; undefined when none exists. */
export function shortestChain(graph: TwinGraph, fromKey: string, toKey: string): string[] | undefined {
  const from = nodeOf(graph, fromKey, 'from');
  const to = nodeOf(graph, toKey, 'to');
  const path = bidirectionalSearch(graph, from, to);
  return path?.map((v) => graph.keys[v]!);
}

/** Every place within k steps of a place (itself excluded), nearest first, then by key. */
export function withinSteps(graph: TwinGraph, key: string, k: number): Reached[] {
  const source = nodeOf(graph, key);
  const distance = bfsDistances(graph, source, k);
  const reached: Reached[] = [];
  distance.forEach((steps, v) => {
    if (steps > 0) reached.push({ key: graph.keys[v]!, steps });
  });
  return reached.sort((x, y) => x.steps - y.steps || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** A zeroed parent array per graph, reused by queries so that they allocate next to nothing. */
const scratch = new WeakMap<Csr, Int32Array>();

/**
 * Breadth-first search from both ends, always growing the smaller frontier by a whole level;
 * parents are recorded as signed node numbers + 1 (positive from the start side, negative from the end).
 */
function bidirectionalSearch(csr: Csr, from: number, to: number): number[] | undefined {
  if (from === to) return [from];
  let parent = scratch.get(csr);
  if (!parent) scratch.set(csr, (parent = new Int32Array(csr.n)));
  const visited = [from, to];
  try {
    return meetInTheMiddle(csr, parent, visited, from, to);
  } finally {
    for (const v of visited) parent[v] = 0;
  }
}

function meetInTheMiddle(
  csr: Csr,
  parent: Int32Array,
  visited: number[],
  from: number,
  to: number,
): number[] | undefined {
  const { offsets, neighbors } = csr;
  parent[from] = from + 1;
  parent[to] = -(to + 1);
  let forward = [from];
  let backward = [to];
  while (forward.length > 0 && backward.length > 0) {
    const growForward = forward.length <= backward.length;
    const sign = growForward ? 1 : -1;
    const next: number[] = [];
    for (const u of growForward ? forward : backward) {
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = neighbors[e]!;
        if (parent[v] === 0) {
          parent[v] = sign * (u + 1);
          next.push(v);
          visited.push(v);
        } else if (Math.sign(parent[v]!) !== sign) {
          return growForward ? joinPaths(parent, u, v) : joinPaths(parent, v, u);
        }
      }
    }
    if (growForward) forward = next;
    else backward = next;
  }
  return undefined;
}

/** Joins the start-side chain ending at `a` and the end-side chain starting at `b` (a and b adjacent). */
function joinPaths(parent: Int32Array, a: number, b: number): number[] {
  const head: number[] = [];
  for (let v = a; ; v = parent[v]! - 1) {
    head.push(v);
    if (parent[v] === v + 1) break;
  }
  const tail: number[] = [];
  for (let v = b; ; v = -parent[v]! - 1) {
    tail.push(v);
    if (parent[v] === -(v + 1)) break;
  }
  return [...head.reverse(), ...tail];
}
