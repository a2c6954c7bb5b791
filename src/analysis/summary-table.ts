import type { NetworkSummary } from './summary.js';

// The network summary as text, apart from its computation (summary.ts), so that printing a cached summary loads
// none of the metrics.

/** The summary as labelled rows, in KONECT's order. */
export function summaryRows(s: NetworkSummary): [string, string][] {
  const f = (x: number, digits: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(digits));
  return [
    ['Nodes', f(s.nodes, 0)],
    ['Edges', f(s.edges, 0)],
    ['Self-loops dropped / duplicates merged', `${s.selfLoopsDropped} / ${s.duplicatesDropped}`],
    ['Average degree', f(s.averageDegree, 2)],
    ['Maximum degree', f(s.maxDegree, 0)],
    ['Connected components', f(s.components, 0)],
    ['Largest component (nodes / edges)', `${s.largestComponentNodes} / ${s.largestComponentEdges}`],
    ['Diameter', f(s.diameter, 0)],
    ['Mean shortest-path distance', f(s.meanDistance, 3)],
    ['Median shortest-path distance', f(s.medianDistance, 1)],
    ['Triangles', f(s.triangles, 0)],
    ['Global clustering coefficient', f(s.globalClustering, 3)],
    ['Average clustering coefficient', f(s.averageClustering, 3)],
    ['Degree assortativity', f(s.degreeAssortativity, 3)],
    [
      'Power-law exponent (xmin, tail, KS)',
      `${f(s.powerLawExponent, 2)} (${s.powerLawXmin}, ${s.powerLawTail}, ${f(s.powerLawKs, 3)})`,
    ],
  ];
}

/** The summary as a two-column Markdown table. */
export function formatSummaryTable(s: NetworkSummary): string {
  return [
    '| Measure | Value |',
    '|---|---|',
    ...summaryRows(s).map(([label, value]) => `| ${label} | ${value} |`),
  ].join('\n');
}
