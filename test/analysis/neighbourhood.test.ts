import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../src/analysis/force-layout.js';
import { neighbourhood } from '../../src/analysis/neighbourhood.js';
import { buildTwinGraph } from '../../src/analysis/twin-graph.js';

/** A star around c (partners p1..p3), p1 linked on to q, q to r; x and y apart. */
const graph = buildTwinGraph({
  nodes: [{ key: 'c', label: 'Centre', country: 'GB' }],
  edges: [
    { a: 'c', b: 'p1' },
    { a: 'c', b: 'p2' },
    { a: 'c', b: 'p3' },
    { a: 'p1', b: 'p2' },
    { a: 'p1', b: 'q' },
    { a: 'q', b: 'r' },
    { a: 'x', b: 'y' },
  ],
});

describe('a place neighbourhood', () => {
  it('keeps the places within k twinnings, nearest and best connected first, and the links among them', () => {
    const n = neighbourhood(graph, 'c', 2, 10);
    expect(n.nodes.map((v) => [v.key, v.steps, v.degree])).toEqual([
      ['c', 0, 3],
      ['p1', 1, 3],
      ['p2', 1, 2],
      ['p3', 1, 1],
      ['q', 2, 2],
    ]);
    expect(n.nodes[0]!.label).toBe('Centre');
    const named = n.edges.map(([a, b]) => `${n.nodes[a]!.key}-${n.nodes[b]!.key}`).sort();
    expect(named).toEqual(['c-p1', 'c-p2', 'c-p3', 'p1-p2', 'p1-q']);
    expect(n.leftOut).toBe(0);
  });

  it('leaves out the farthest and least connected places past the limit, and says how many', () => {
    const n = neighbourhood(graph, 'c', 3, 3);
    expect(n.nodes.map((v) => v.key)).toEqual(['c', 'p1', 'p2']);
    expect(n.edges).toHaveLength(3);
    expect(n.leftOut).toBe(3);
  });

  it('throws LocalityNotFound for a place outside the network', () => {
    expect(() => neighbourhood(graph, 'nowhere', 1, 10)).toThrow(/no locality "nowhere"/);
  });
});

describe('a force layout', () => {
  it('places every node inside the box, the first in the middle, the same way every time', () => {
    const n = neighbourhood(graph, 'c', 2, 10);
    const box = { width: 400, height: 300, margin: 20 };
    const positions = forceLayout(n.nodes.length, n.edges, box);
    expect(positions).toHaveLength(5);
    expect(positions[0]).toEqual({ x: 200, y: 150 });
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(box.margin - 0.1);
      expect(p.x).toBeLessThanOrEqual(box.width - box.margin + 0.1);
      expect(p.y).toBeGreaterThanOrEqual(box.margin - 0.1);
      expect(p.y).toBeLessThanOrEqual(box.height - box.margin + 0.1);
    }
    // Linked places lie closer together than the farthest pair: the springs pulled.
    const d = (i: number, j: number) =>
      Math.hypot(positions[i]!.x - positions[j]!.x, positions[i]!.y - positions[j]!.y);
    expect(d(0, 1)).toBeLessThan(d(3, 4));
    expect(forceLayout(n.nodes.length, n.edges, box)).toEqual(positions);
    expect(forceLayout(0, [], box)).toEqual([]);
  });
});
