import { degreeAssortativity } from './assortativity.js';
import { clustering } from './clustering.js';
import { connectedComponents } from './components.js';
import { distanceStats, type DistanceStats } from './distances.js';
import { fitDiscretePowerLaw } from './power-law.js';
import { degreeOf, type TwinGraph } from './twin-graph.js';

/** The network summary in the form of KONECT's table (distances over the largest component). */
export interface NetworkSummary {
  nodes: number;
  edges: number;
  selfLoopsDropped: number;
  duplicatesDropped: number;
  averageDegree: number;
  maxDegree: number;
  components: number;
  largestComponentNodes: number;
  largestComponentEdges: number;
  diameter: number;
  meanDistance: number;
  medianDistance: number;
  /** Ordered pairs of the largest component at each distance. */
  distanceHistogram: number[];
  triangles: number;
  /** Transitivity: 3 × triangles / connected triples. */
  globalClustering: number;
  averageClustering: number;
  degreeAssortativity: number;
  powerLawExponent: number;
  powerLawXmin: number;
  powerLawTail: number;
  powerLawKs: number;
}

/** The summary and the milliseconds each part took. */
export interface SummaryResult {
  summary: NetworkSummary;
  timingsMs: Record<string, number>;
}

/** Computes the whole summary; pass `distances` when they were computed elsewhere (e.g. on worker threads). */
export function summariseNetwork(
  graph: TwinGraph,
  options: { distances?: DistanceStats } = {},
): SummaryResult {
  const timingsMs: Record<string, number> = {};
  const timed = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const value = run();
    timingsMs[name] = performance.now() - start;
    return value;
  };
  const degrees = timed('degrees', () => Int32Array.from({ length: graph.n }, (_, v) => degreeOf(graph, v)));
  const components = timed('components', () => connectedComponents(graph));
  const largest = timed('largest component edges', () =>
    edgesWithin(graph, components.componentOf, components.largest),
  );
  const distances = options.distances ?? timed('distances (all pairs)', () => distanceStats(graph));
  const triangles = timed('clustering', () => clustering(graph));
  const assortativity = timed('assortativity', () => degreeAssortativity(graph));
  const powerLaw = timed('power law', () => fitDiscretePowerLaw(degrees));
  const summary: NetworkSummary = {
    nodes: graph.n,
    edges: graph.m,
    selfLoopsDropped: graph.selfLoops,
    duplicatesDropped: graph.duplicates,
    averageDegree: graph.n === 0 ? 0 : (2 * graph.m) / graph.n,
    maxDegree: degrees.reduce((max, d) => Math.max(max, d), 0),
    components: components.count,
    largestComponentNodes: components.largest === -1 ? 0 : components.sizes[components.largest]!,
    largestComponentEdges: largest,
    diameter: distances.diameter,
    meanDistance: distances.mean,
    medianDistance: distances.median,
    distanceHistogram: distances.histogram,
    triangles: triangles.triangles,
    globalClustering: triangles.transitivity,
    averageClustering: triangles.averageClustering,
    degreeAssortativity: assortativity,
    powerLawExponent: powerLaw.alpha,
    powerLawXmin: powerLaw.xmin,
    powerLawTail: powerLaw.tail,
    powerLawKs: powerLaw.ks,
  };
  return { summary, timingsMs };
}

function edgesWithin(graph: TwinGraph, componentOf: Int32Array, component: number): number {
  let ends = 0;
  for (let v = 0; v < graph.n; v++) if (componentOf[v] === component) ends += degreeOf(graph, v);
  return ends / 2;
}
