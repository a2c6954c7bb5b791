import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactBetweenness } from '../../src/analysis/betweenness.js';
import { inducedSubgraph, largestComponentNodes } from '../../src/analysis/components.js';
import { distanceStats } from '../../src/analysis/distances.js';
import { parseTsvEdgeList, toTsv } from '../../src/analysis/graph-export.js';
import { bfsDistances } from '../../src/analysis/paths.js';
import { summariseNetwork } from '../../src/analysis/summary.js';
import { buildTwinGraph, degreeOf, type TwinGraph } from '../../src/analysis/twin-graph.js';

const PYTHON = process.env.TWINNING_PYTHON ?? '/usr/bin/python3';
const SCRIPT = 'bench/python/networkx_metrics.py';
const FIXTURE = 'test/fixtures/analysis/fixture-graph.tsv';
const EXACT = 1e-9;

const networkxAvailable = spawnSync(PYTHON, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;
if (!networkxAvailable) {
  console.warn(`SKIPPED networkx cross-check: ${PYTHON} cannot import networkx (install python3-networkx).`);
}

interface NetworkxMetrics {
  nodes: number;
  edges: number;
  degrees: Record<string, number>;
  max_degree: number;
  components: number;
  largest_component_nodes: number;
  largest_component_edges: number;
  transitivity: number;
  average_clustering: number;
  triangles: number;
  degree_assortativity: number;
  power_law: { alpha: number; xmin: number; tail: number; ks: number };
  diameter: number;
  mean_distance: number;
  median_distance: number;
  distance_histogram: number[];
  shortest_path_lengths: Record<string, Record<string, number>>;
  betweenness: Record<string, number>;
}

function networkx(path: string, ...options: string[]): NetworkxMetrics {
  return JSON.parse(
    execFileSync(PYTHON, [SCRIPT, path, ...options], { encoding: 'utf8', maxBuffer: 64 << 20 }),
  ) as NetworkxMetrics;
}

function fixtureGraph(text: string): TwinGraph {
  const { edges, loneNodes } = parseTsvEdgeList(text);
  return buildTwinGraph({
    nodes: loneNodes.map((key) => ({ key })),
    edges: edges.map(([a, b]) => ({ a, b })),
  });
}

describe.skipIf(!networkxAvailable)('cross-check against networkx on the fixture graph', () => {
  const graph = fixtureGraph(readFileSync(FIXTURE, 'utf8'));
  const reference = networkxAvailable
    ? networkx(FIXTURE, '--all-pairs', '--betweenness')
    : ({} as NetworkxMetrics);
  const { summary } = summariseNetwork(graph);

  it('counts nodes, edges, degrees and components alike', () => {
    expect(graph.selfLoops).toBe(1);
    expect(graph.duplicates).toBe(1);
    expect([summary.nodes, summary.edges, summary.maxDegree]).toEqual([
      reference.nodes,
      reference.edges,
      reference.max_degree,
    ]);
    expect([summary.components, summary.largestComponentNodes, summary.largestComponentEdges]).toEqual([
      reference.components,
      reference.largest_component_nodes,
      reference.largest_component_edges,
    ]);
    expect(Object.fromEntries(graph.keys.map((key, v) => [key, degreeOf(graph, v)]))).toEqual(
      reference.degrees,
    );
  });

  it('agrees on exact distances over the largest component to 1e-9', () => {
    const stats = distanceStats(graph);
    expect(stats.histogram).toEqual(reference.distance_histogram);
    expect(stats.diameter).toBe(reference.diameter);
    expect(Math.abs(stats.mean - reference.mean_distance)).toBeLessThanOrEqual(EXACT);
    expect(stats.median).toBe(reference.median_distance);
    const component = inducedSubgraph(graph, largestComponentNodes(graph));
    for (let s = 0; s < component.n; s++) {
      const distances = bfsDistances(component, s);
      const ours = Object.fromEntries(
        Array.from(distances, (d, t) => [graph.keys[component.original[t]!]!, d]),
      );
      expect(ours).toEqual(reference.shortest_path_lengths[graph.keys[component.original[s]!]!]);
    }
  });

  it('agrees on clustering, assortativity and the power-law fit to 1e-9', () => {
    expect(summary.triangles).toBe(reference.triangles);
    expect(Math.abs(summary.globalClustering - reference.transitivity)).toBeLessThanOrEqual(EXACT);
    expect(Math.abs(summary.averageClustering - reference.average_clustering)).toBeLessThanOrEqual(EXACT);
    expect(Math.abs(summary.degreeAssortativity - reference.degree_assortativity)).toBeLessThanOrEqual(EXACT);
    expect([summary.powerLawXmin, summary.powerLawTail]).toEqual([
      reference.power_law.xmin,
      reference.power_law.tail,
    ]);
    expect(Math.abs(summary.powerLawExponent - reference.power_law.alpha)).toBeLessThanOrEqual(EXACT);
    expect(Math.abs(summary.powerLawKs - reference.power_law.ks)).toBeLessThanOrEqual(EXACT);
  });

  it('agrees on exact betweenness, normalised as networkx does, to 1e-9', () => {
    const { scores } = exactBetweenness(graph);
    graph.keys.forEach((key, v) =>
      expect(Math.abs(scores[v]! - reference.betweenness[key]!)).toBeLessThanOrEqual(EXACT),
    );
  });

  it('exports exactly the edge list the metrics are computed on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinning-analysis-'));
    try {
      const path = join(dir, 'export.tsv');
      writeFileSync(path, toTsv(graph));
      const exported = networkx(path);
      expect([exported.nodes, exported.edges, exported.components]).toEqual([
        reference.nodes,
        reference.edges,
        reference.components,
      ]);
      expect(exported.degrees).toEqual(reference.degrees);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
