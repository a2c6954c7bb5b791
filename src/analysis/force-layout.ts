import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation } from 'd3-force';

/** A node's place in a drawing, in the box asked for. */
export interface Position {
  x: number;
  y: number;
}

/**
 * Positions for a small network by d3-force's simulation (links as springs, nodes repelling, a centre), run to
 * rest without a timer and scaled into a width × height box with a margin. Deterministic: d3-force starts
 * nodes on a phyllotaxis and draws its jitter from a fixed-seed generator. Node 0 is pinned at the centre.
 */
export function forceLayout(
  nodeCount: number,
  edges: readonly (readonly [number, number])[],
  box: { width: number; height: number; margin: number },
): Position[] {
  if (nodeCount === 0) return [];
  const nodes: { index?: number; x?: number; y?: number; fx?: number; fy?: number }[] = Array.from(
    { length: nodeCount },
    () => ({}),
  );
  nodes[0]!.fx = 0;
  nodes[0]!.fy = 0;
  const links = edges.map(([source, target]) => ({ source, target }));
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).distance(40))
    .force('charge', forceManyBody().strength(-60))
    .force('collide', forceCollide(7))
    .force('centre', forceCenter(0, 0))
    .stop();
  simulation.tick(300);
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  // Scale about the centre node (at 0, 0) so that it stays in the middle of the box.
  const reachX = Math.max(1, ...xs.map(Math.abs));
  const reachY = Math.max(1, ...ys.map(Math.abs));
  const halfW = box.width / 2 - box.margin;
  const halfH = box.height / 2 - box.margin;
  const scale = Math.min(halfW / reachX, halfH / reachY, 3);
  return nodes.map((_, i) => ({
    x: Math.round((box.width / 2 + xs[i]! * scale) * 10) / 10,
    y: Math.round((box.height / 2 + ys[i]! * scale) * 10) / 10,
  }));
}
