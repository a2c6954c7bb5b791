/** What the benchmark checks against the Python references, and which timings it sets side by side. */
import { histogramMedian } from '../src/analysis/distances.js';
import type { Check, Comparison, DatasetResult } from './analysis-report.js';

/** A data set's measurements before checks and comparisons are drawn from them. */
export type Measured = Omit<DatasetResult, 'checks' | 'comparisons'>;

/** Our values against networkx, igraph and the Python power-law fit, each with whether they agree to 1e-9. */
export function checks({ summary: s, igraph, networkx: nx, sample }: Measured): Check[] {
  const row = (metric: string, ours: number, reference: number | undefined, source: string): Check => ({
    metric,
    ours,
    reference,
    source,
    agree:
      reference === undefined
        ? undefined
        : Math.abs(ours - reference) <= 1e-9 || (Number.isNaN(ours) && Number.isNaN(reference)),
  });
  const sameList = (a: number[], b: number[] | undefined): number =>
    b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]) ? 1 : 0;
  const igraphPairs = igraph?.distance_histogram.reduce((sum, count) => sum + count, 0);
  const igraphMedian = igraph ? histogramMedian(igraph.distance_histogram, igraphPairs!) : undefined;
  return [
    row('Nodes', s.nodes, nx?.nodes, 'networkx'),
    row('Edges', s.edges, nx?.edges, 'networkx'),
    row('Maximum degree', s.maxDegree, nx?.max_degree, 'networkx'),
    row('Connected components', s.components, nx?.components, 'networkx'),
    row('Largest component nodes', s.largestComponentNodes, igraph?.largest_component_nodes, 'igraph'),
    row('Diameter', s.diameter, igraph?.diameter, 'igraph'),
    row('Mean shortest-path distance', s.meanDistance, igraph?.mean_distance, 'igraph'),
    row('Median shortest-path distance', s.medianDistance, igraphMedian, 'igraph'),
    row(
      'Distance histogram identical (1 = yes)',
      1,
      igraph ? sameList(s.distanceHistogram, igraph.distance_histogram) : undefined,
      'igraph',
    ),
    row('Triangles', s.triangles, nx?.triangles, 'networkx'),
    row('Global clustering (transitivity)', s.globalClustering, nx?.transitivity, 'networkx'),
    row('Average clustering', s.averageClustering, nx?.average_clustering, 'networkx'),
    row('Degree assortativity', s.degreeAssortativity, nx?.degree_assortativity, 'networkx'),
    row('Power-law exponent', s.powerLawExponent, nx?.power_law.alpha, 'Python re-implementation'),
    row('Power-law xmin', s.powerLawXmin, nx?.power_law.xmin, 'Python re-implementation'),
    row(
      `Distance histogram from ${sample.distanceSums.length} sampled sources identical (1 = yes)`,
      1,
      nx ? sameList(sample.histogram, nx.sample.histogram) : undefined,
      'networkx',
    ),
    row(
      'Per-source distance sums identical (1 = yes)',
      1,
      nx ? sameList(sample.distanceSums, nx.sample.distance_sums) : undefined,
      'networkx',
    ),
  ];
}

function row(
  work: string,
  oursMs: number,
  referenceMs: number | undefined,
  reference = 'networkx',
): Comparison {
  return { work, oursMs, referenceMs, reference };
}

function sumOurs(rows: Comparison[]): number {
  return rows.reduce((sum, r) => sum + r.oursMs, 0);
}

/** Our timings against the reference doing the same work, row by row. */
export function comparisons({
  single,
  parallel,
  sample,
  igraph,
  networkx: nx,
  summary,
}: Measured): Comparison[] {
  const ig = igraph ? 1000 * (igraph.timings.diameter + igraph.timings.mean_distance) : undefined;
  const nxMs = (...keys: string[]): number | undefined =>
    nx ? keys.reduce((sum, k) => sum + 1000 * nx.timings[k]!, 0) : undefined;
  const t = single.result.timingsMs;
  const allPairs = parallel.result.timingsMs['distances (all pairs, parallel)']!;
  const sources = sample.distanceSums.length;
  const networkxRows = [
    row('Degrees', t.degrees!, nxMs('degrees')),
    row('Connected components', t.components!, nxMs('components')),
    row('Clustering (transitivity + average)', t.clustering!, nxMs('transitivity', 'average_clustering')),
    row('Degree assortativity', t.assortativity!, nxMs('degree_assortativity')),
    row(`BFS from the same ${sources} sources`, sample.bitParallelMs, nxMs('sample_bfs')),
  ];
  const nxKeys = ['degrees', 'components', 'transitivity', 'average_clustering', 'degree_assortativity'];
  const nxTotal = nxMs(...nxKeys, 'sample_bfs');
  const perSourceNx = nx ? (1000 * nx.timings.sample_bfs!) / nx.sample.sources : undefined;
  return [
    row(
      'Whole summary, 2 threads, as built (median) vs diameter + mean distance',
      parallel.medianMs,
      ig,
      'igraph',
    ),
    row('Whole summary, 1 thread (median) vs diameter + mean distance', single.medianMs, ig, 'igraph'),
    row('All-pairs distances alone, 2 threads, as built', allPairs, ig, 'igraph'),
    ...networkxRows,
    row('Total of the networkx rows above', sumOurs(networkxRows), nxTotal),
    row(
      'BFS per source: ours from the all-pairs pass (2 threads)',
      allPairs / summary.largestComponentNodes,
      perSourceNx,
    ),
    row('Power-law fit', t['power law']!, nxMs('power_law'), 'Python re-implementation'),
  ];
}
