import { describe, expect, it } from 'vitest';
import { exactBetweenness } from '../../src/analysis/betweenness.js';
import { summariseNetwork } from '../../src/analysis/summary.js';
import { buildTwinGraph, type TwinGraph } from '../../src/analysis/twin-graph.js';
import { graphFrom } from './graph-factories.js';

/** Betweenness by key, rounded away from float noise. */
function betweennessByKey(graph: TwinGraph): Record<string, number> {
  const { scores } = exactBetweenness(graph);
  return Object.fromEntries(graph.keys.map((key, v) => [key, Number(scores[v]!.toFixed(12))]));
}

describe('summary on graphs small enough to check by hand', () => {
  it('path a-b-c-d-e', () => {
    const graph = graphFrom('a-b b-c c-d d-e');
    const { summary } = summariseNetwork(graph);
    expect(summary).toMatchObject({ nodes: 5, edges: 4, averageDegree: 1.6, maxDegree: 2, components: 1 });
    expect(summary).toMatchObject({
      diameter: 4,
      meanDistance: 2,
      medianDistance: 2,
      globalClustering: 0,
      averageClustering: 0,
    });
    expect(summary.degreeAssortativity).toBeCloseTo(-1 / 3, 15);
    expect(betweennessByKey(graph)).toEqual({ a: 0, b: 0.5, c: Number((2 / 3).toFixed(12)), d: 0.5, e: 0 });
  });

  it('star with four leaves', () => {
    const graph = graphFrom('h-l1 h-l2 h-l3 h-l4');
    const { summary } = summariseNetwork(graph);
    expect(summary).toMatchObject({
      nodes: 5,
      edges: 4,
      maxDegree: 4,
      diameter: 2,
      meanDistance: 1.6,
      medianDistance: 2,
    });
    expect(summary.degreeAssortativity).toBe(-1);
    expect(summary.globalClustering).toBe(0);
    expect(betweennessByKey(graph)).toEqual({ h: 1, l1: 0, l2: 0, l3: 0, l4: 0 });
  });

  it('triangle', () => {
    const { summary } = summariseNetwork(graphFrom('a-b b-c c-a'));
    expect(summary).toMatchObject({
      nodes: 3,
      edges: 3,
      diameter: 1,
      meanDistance: 1,
      medianDistance: 1,
      triangles: 1,
    });
    expect(summary).toMatchObject({ globalClustering: 1, averageClustering: 1 });
    expect(summary.degreeAssortativity).toBeNaN();
  });

  it('two components: distances over the larger, clustering over all', () => {
    const { summary } = summariseNetwork(graphFrom('a-b b-c c-a d-e'));
    expect(summary).toMatchObject({
      nodes: 5,
      edges: 4,
      components: 2,
      largestComponentNodes: 3,
      largestComponentEdges: 3,
    });
    expect(summary).toMatchObject({
      diameter: 1,
      meanDistance: 1,
      globalClustering: 1,
      averageClustering: 0.6,
    });
  });

  it('tree r-(a-(c,d), b-e), whose leaves the distance count folds away', () => {
    const graph = graphFrom('r-a r-b a-c a-d b-e');
    const { summary } = summariseNetwork(graph);
    expect(summary).toMatchObject({ nodes: 6, edges: 5, diameter: 4, medianDistance: 2 });
    expect(summary.meanDistance).toBeCloseTo(32 / 15, 15);
    expect(summary.degreeAssortativity).toBeCloseTo(-2 / 3, 15);
    expect(betweennessByKey(graph)).toEqual({ r: 0.6, a: 0.7, b: 0.4, c: 0, d: 0, e: 0 });
  });

  it('counts dropped self-loops and duplicates, and isolated nodes as components', () => {
    const graph = buildTwinGraph({
      nodes: [{ key: 'z' }],
      edges: [
        { a: 'a', b: 'b' },
        { a: 'b', b: 'a' },
        { a: 'a', b: 'a' },
      ],
    });
    const { summary } = summariseNetwork(graph);
    expect(summary).toMatchObject({
      nodes: 3,
      edges: 1,
      selfLoopsDropped: 1,
      duplicatesDropped: 1,
      components: 2,
    });
    expect(summary).toMatchObject({ diameter: 1, meanDistance: 1, medianDistance: 1 });
  });

  it('an empty network has zeros, and no power law to fit', () => {
    const { summary } = summariseNetwork(buildTwinGraph({ nodes: [], edges: [] }));
    expect(summary).toMatchObject({
      nodes: 0,
      edges: 0,
      components: 0,
      largestComponentNodes: 0,
      diameter: 0,
      meanDistance: 0,
    });
    expect(summary.powerLawExponent).toBeNaN();
  });
});
