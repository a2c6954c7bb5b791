/** Renders the network-analytics benchmark as Markdown and writes it into docs/benchmarks.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { NetworkSummary } from '../src/analysis/summary.js';
import type { PathTiming, SampleTiming, SummaryTiming } from './analysis-measure.js';
import type { IgraphRun, NetworkxRun } from './analysis-python.js';

export const SECTION_HEADING = '## Network analytics (issue 5)';

/** One metric set against its reference value. */
export interface Check {
  metric: string;
  ours: number;
  reference: number | undefined;
  source: string;
  agree: boolean | undefined;
}

/** One piece of work timed on both sides. */
export interface Comparison {
  work: string;
  oursMs: number;
  referenceMs: number | undefined;
  reference: string;
}

/** Everything measured on one data set. */
export interface DatasetResult {
  name: string;
  files: string[];
  buildMs: number;
  summary: NetworkSummary;
  single: SummaryTiming;
  /** Two worker threads, src/analysis as built by tsc. */
  parallel: SummaryTiming;
  /** Two worker threads from the TypeScript source under tsx (each worker loads tsx first). */
  parallelTsx: SummaryTiming;
  sample: SampleTiming;
  sampleSize: number;
  igraph: IgraphRun | undefined;
  networkx: NetworkxRun | undefined;
  checks: Check[];
  comparisons: Comparison[];
  paths: PathTiming;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
const ratio = (ours: number, theirs: number | undefined): string =>
  theirs === undefined ? 'n/a' : `${(theirs / ours).toFixed(theirs / ours >= 100 ? 0 : 1)}×`;
const show = (x: number | undefined): string =>
  x === undefined ? 'n/a' : Number.isInteger(x) ? String(x) : x.toPrecision(12);

/** The Markdown for one data set: values with their checks, timings with their ratios. */
export function datasetMarkdown(result: DatasetResult): string {
  const { single, parallel, parallelTsx, paths, sample } = result;
  const runs = (t: SummaryTiming): string =>
    `${t.totalsMs.map(ms).join(', ')} ms (median ${ms(t.medianMs)}, best ${ms(Math.min(...t.totalsMs))})`;
  const lines = [
    `### ${result.name}`,
    '',
    `Files: ${result.files.map((f) => `\`../shared/data/${f}\``).join(', ')}. Graph built in ${ms(result.buildMs)} ms.`,
    '',
    ...targets(result),
    '',
    '| Measure | Ours | Reference | Source | Agree (1e-9) |',
    '|---|---|---|---|---|',
    ...result.checks.map(
      (c) =>
        `| ${c.metric} | ${show(c.ours)} | ${show(c.reference)} | ${c.source} | ${c.agree === undefined ? 'n/a' : c.agree ? 'yes' : '**no**'} |`,
    ),
    '',
    '| Work | Ours (ms) | Reference (ms) | Reference | Ours faster by |',
    '|---|---|---|---|---|',
    ...result.comparisons.map(
      (c) =>
        `| ${c.work} | ${ms(c.oursMs)} | ${c.referenceMs === undefined ? 'n/a' : ms(c.referenceMs)} | ${c.reference} | ${ratio(c.oursMs, c.referenceMs)} |`,
    ),
    '',
    `Whole summary, runs: 2 worker threads as built ${runs(parallel)}; 1 thread ${runs(single)};` +
      ` 2 worker threads from source under tsx ${runs(parallelTsx)} (each worker first loads tsx, about 0.3 s).`,
    '',
    `Breakdown of the median single-thread run (ms): ${breakdown(single.result.timingsMs)}.`,
    `Breakdown of the median two-thread run, as built (ms): ${breakdown(parallel.result.timingsMs)}.`,
    '',
    `Sample of ${result.sampleSize} sources: bit-parallel search ${ms(sample.bitParallelMs)} ms (median), one plain search per source ${ms(sample.plainMs)} ms.`,
    `Shortest-chain query between random places of the largest component (${paths.queries} queries, mean ${paths.meanLength.toFixed(1)} steps):` +
      ` mean ${ms(paths.meanMs)} ms, 99th percentile ${ms(paths.p99Ms)} ms, slowest ${ms(paths.maxMs)} ms, first (cold) ${ms(paths.firstMs)} ms;` +
      ` slowest query at its best of three rounds ${ms(paths.maxBestOfThreeMs)} ms.`,
  ];
  return lines.join('\n');
}

/** The issue's four targets, each with the figure that meets or misses it. */
function targets({ single, parallel, igraph, comparisons, paths }: DatasetResult): string[] {
  const met = (ok: boolean): string => (ok ? 'met' : '**missed**');
  const fastest = Math.min(single.medianMs, parallel.medianMs);
  const igraphMs = igraph ? 1000 * (igraph.timings.diameter + igraph.timings.mean_distance) : undefined;
  const total = comparisons.find((c) => c.work.startsWith('Total'));
  const nxRatio = total?.referenceMs === undefined ? undefined : total.referenceMs / total.oursMs;
  return [
    `- Whole summary ≤ 5 s: ${met(fastest <= 5000)} (median ${ms(single.medianMs)} ms on 1 thread, ${ms(parallel.medianMs)} ms on 2).`,
    igraphMs === undefined
      ? '- Faster than igraph: n/a (igraph absent).'
      : `- Faster than igraph's diameter + mean distance (${ms(igraphMs)} ms): ${met(fastest < igraphMs)} (${(igraphMs / fastest).toFixed(1)}×).`,
    nxRatio === undefined
      ? '- ≥ 100× networkx: n/a (networkx absent).'
      : `- ≥ 100× networkx on the same work: ${met(nxRatio >= 100)} (${nxRatio.toFixed(0)}×).`,
    `- Shortest-path query < 5 ms: ${met(paths.p99Ms < 5)} (99th percentile ${ms(paths.p99Ms)} ms; slowest at best of three ${ms(paths.maxBestOfThreeMs)} ms).`,
  ];
}

function breakdown(timings: Record<string, number>): string {
  return Object.entries(timings)
    .map(([name, t]) => `${name} ${ms(t)}`)
    .join(', ');
}

/** The whole section: how it was run, on what, and each data set. */
export function sectionMarkdown(
  header: { command: string; machine: string[]; notes: string[] },
  results: DatasetResult[],
): string {
  return [
    SECTION_HEADING,
    '',
    `Command: \`${header.command}\``,
    '',
    ...header.machine.map((line) => `- ${line}`),
    '',
    ...header.notes,
    '',
    ...results.map(datasetMarkdown).join('\n\n').split('\n'),
    '',
  ].join('\n');
}

/** Puts the section into docs/benchmarks.md, replacing an earlier version of it and leaving other sections alone. */
export function writeSection(path: string, section: string): void {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(SECTION_HEADING);
  if (start === -1) {
    writeFileSync(path, `${existing.trimEnd()}\n\n${section}`);
    return;
  }
  const rest = existing.slice(start + SECTION_HEADING.length);
  const next = rest.search(/^## /m);
  const after = next === -1 ? '' : rest.slice(next);
  writeFileSync(path, `${existing.slice(0, start)}${section}${after ? `\n${after}` : ''}`);
}
