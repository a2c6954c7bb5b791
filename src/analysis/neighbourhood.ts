import { bfsDistances, nodeOf } from './paths.js';
import { degreeOf, type TwinGraph } from './twin-graph.js';

/** A place of a neighbourhood: how many twinnings from the centre, and its partners in the whole network. */
export interface NeighbourNode {
  key: string;
  label: string;
  country: string | null;
  steps: number;
  degree: number;
}

/** A place's neighbourhood: the places within k twinnings (the nearest, at most a number), the links among them. */
export interface Neighbourhood {
  nodes: NeighbourNode[];
  /** Links between kept places, as indexes into `nodes`. */
  edges: [number, number][];
  /** Places within k twinnings left out to keep the picture small. */
  leftOut: number;
}

/**
 * The neighbourhood of a place: itself, then the places within `steps` twinnings nearest first (among equals,
 * the best connected first, then by key), at most `maxNodes` in all, and every link between two kept places.
 */
export function neighbourhood(graph: TwinGraph, key: string, steps: number, maxNodes: number): Neighbourhood {
  const centre = nodeOf(graph, key);
  const distance = bfsDistances(graph, centre, steps);
  const reached: number[] = [];
  distance.forEach((d, v) => {
    if (d >= 0) reached.push(v);
  });
  reached.sort(
    (x, y) =>
      distance[x]! - distance[y]! ||
      degreeOf(graph, y) - degreeOf(graph, x) ||
      (graph.keys[x]! < graph.keys[y]! ? -1 : 1),
  );
  const kept = reached.slice(0, Math.max(1, maxNodes));
  const indexOf = new Map(kept.map((v, i) => [v, i]));
  const edges: [number, number][] = [];
  kept.forEach((v, i) => {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const j = indexOf.get(graph.neighbors[e]!);
      if (j !== undefined && i < j) edges.push([i, j]);
    }
  });
  const nodes = kept.map((v) => {
    const node = graph.nodes[v]!;
    return {
      key: node.key,
      label: node.label ?? node.key,
      country: node.country ?? null,
      steps: distance[v]!,
      degree: degreeOf(graph, v),
    };
  });
  return { nodes, edges, leftOut: reached.length - kept.length };
}
