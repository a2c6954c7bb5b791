import { describe, expect, it } from 'vitest';
import { inducedSubgraph, largestComponentNodes } from '../../src/analysis/components.js';
import { countDistances } from '../../src/analysis/distance-kernel.js';
import { distanceStats, histogramMedian, statsFromCounts } from '../../src/analysis/distances.js';
import { distanceStatsParallel } from '../../src/analysis/distances-worker.js';
import { bfsDistances } from '../../src/analysis/paths.js';
import { buildTwinGraph, type Csr } from '../../src/analysis/twin-graph.js';
import { graphFrom, randomInput } from './graph-factories.js';

/** The histogram of ordered-pair distances in the largest component, one plain BFS per node. */
function naiveHistogram(csr: Csr): number[] {
  const component = inducedSubgraph(csr, largestComponentNodes(csr));
  const histogram: number[] = [0];
  for (let s = 0; s < component.n; s++) {
    for (const d of bfsDistances(component, s)) if (d > 0) histogram[d] = (histogram[d] ?? 0) + 1;
  }
  return Array.from(histogram, (x) => x ?? 0);
}

describe('all-pairs distances', () => {
  it('cycle of six: diameter 3, mean 1.8, median 2', () => {
    const stats = distanceStats(graphFrom('a-b b-c c-d d-e e-f f-a'));
    expect(stats).toMatchObject({
      nodes: 6,
      pairs: 30,
      diameter: 3,
      mean: 1.8,
      median: 2,
      histogram: [0, 12, 12, 6],
    });
  });

  it('single edge and single node', () => {
    expect(distanceStats(graphFrom('a-b'))).toMatchObject({
      nodes: 2,
      pairs: 2,
      diameter: 1,
      mean: 1,
      median: 1,
    });
    expect(distanceStats(buildTwinGraph({ nodes: [{ key: 'a' }], edges: [] }))).toMatchObject({
      nodes: 1,
      pairs: 0,
      diameter: 0,
      mean: 0,
    });
  });

  it('agrees with one plain BFS per node on random graphs, leaves folded or not', () => {
    for (const [n, m, seed] of [
      [60, 70, 1],
      [300, 330, 2],
      [500, 1200, 3],
      [700, 700, 4],
    ] as const) {
      const graph = buildTwinGraph(randomInput(n, m, seed));
      const expected = naiveHistogram(graph);
      const stats = distanceStats(graph);
      expect(stats.histogram).toEqual(expected);
      expect(stats.diameter).toBe(expected.length - 1);
      const component = inducedSubgraph(graph, largestComponentNodes(graph));
      for (const words of [1, 3]) {
        const counts = countDistances({
          csr: component,
          sources: Int32Array.from({ length: component.n }, (_, i) => i),
          words,
        });
        expect(statsFromCounts(component.n, [counts]).histogram).toEqual(expected);
      }
    }
  });

  it('gives the same result on worker threads', async () => {
    const graph = buildTwinGraph(randomInput(1500, 2000, 7));
    const parallel = await distanceStatsParallel(graph, 2);
    expect(parallel).toEqual(distanceStats(graph));
  });

  it('takes the median of an even count as the mean of the two middle values', () => {
    expect(histogramMedian([0, 1, 1], 2)).toBe(1.5);
    expect(histogramMedian([0, 2, 1], 3)).toBe(1);
  });
});
