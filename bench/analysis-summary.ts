/**
 * Network analytics benchmark (issue 5): the whole summary table on the shared real data, against
 * igraph's exact diameter and mean distance and networkx on the same edge list, in the same run.
 * Writes its figures into docs/benchmarks.md.   Run: npx tsx bench/analysis-summary.ts
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeTsv, toTsv } from '../src/analysis/graph-export.js';
import { formatSummaryTable } from '../src/analysis/summary-table.js';
import { buildTwinGraph, type TwinGraph } from '../src/analysis/twin-graph.js';
import { extrasMarkdown } from './analysis-extras.js';
import { loadRegistryNetwork } from './analysis-registry.js';
import {
  loadWikidata2026,
  loadWikipediaLists,
  mergeDatasets,
  SHARED_DATA,
  type Dataset,
} from './analysis-data.js';
import {
  loadBuiltParallelSummary,
  sampleSources,
  type ParallelSummary,
  timed,
  timePathQueries,
  timeSampleSearches,
  timeSummaryParallel,
  timeSummarySingle,
} from './analysis-measure.js';
import { PYTHON, pythonModuleVersion, runIgraph, runNetworkx } from './analysis-python.js';
import { checks, comparisons } from './analysis-compare.js';
import { datasetMarkdown, sectionMarkdown, writeSection, type DatasetResult } from './analysis-report.js';

const REPEAT = 5;
const SAMPLE_SIZE = 500;
const SAMPLE_SEED = 2026;
const PATH_QUERIES = 1000;

async function measureDataset(
  dataset: Dataset,
  workDir: string,
  python: { networkx: boolean; igraph: boolean },
  built: ParallelSummary,
): Promise<DatasetResult> {
  const build = timed(() => buildTwinGraph(dataset.input));
  const graph = build.value;
  console.log(
    `\n== ${dataset.name}: ${graph.n} nodes, ${graph.m} edges (built in ${build.ms.toFixed(0)} ms)`,
  );
  const parallel = await timeSummaryParallel(graph, REPEAT, built);
  const parallelTsx = await timeSummaryParallel(graph, REPEAT);
  const single = timeSummarySingle(graph, REPEAT);
  const summary = parallel.result.summary;
  console.log(formatSummaryTable(summary));
  const sources = sampleSources(graph, SAMPLE_SIZE, SAMPLE_SEED);
  const sample = timeSampleSearches(graph, sources, REPEAT);
  const paths = timePathQueries(graph, PATH_QUERIES, SAMPLE_SEED);
  const { edgesPath, sourcesPath } = writeInputs(graph, sources, workDir, dataset.name);
  console.log('running igraph and networkx on the same edge list ...');
  const igraph = python.igraph ? runIgraph(edgesPath) : undefined;
  const networkx = python.networkx ? runNetworkx(edgesPath, sourcesPath) : undefined;
  const partial = {
    name: dataset.name,
    files: dataset.files,
    buildMs: build.ms,
    summary,
    single,
    parallel,
    parallelTsx,
    sample,
    sampleSize: sources.length,
    igraph,
    networkx,
    paths,
  };
  return { ...partial, checks: checks(partial), comparisons: comparisons(partial) };
}

function writeInputs(
  graph: TwinGraph,
  sources: Int32Array,
  dir: string,
  name: string,
): { edgesPath: string; sourcesPath: string } {
  const stem = name.replace(/\W+/g, '-').toLowerCase();
  const edgesPath = join(dir, `${stem}.tsv`);
  const sourcesPath = join(dir, `${stem}-sources.txt`);
  writeFileSync(edgesPath, toTsv(graph));
  writeFileSync(sourcesPath, Array.from(sources, (v) => escapeTsv(graph.keys[v]!)).join('\n') + '\n');
  return { edgesPath, sourcesPath };
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

function machine(): string[] {
  const cpu =
    readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ??
    cpus()[0]?.model ??
    'unknown';
  const nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  const load = loadAverage();
  return [
    `Machine: ${nproc} cores (\`nproc\`), ${cpu}; load average at start ${load} (other work shares this machine).`,
    `Node ${process.version}; ${PYTHON}: networkx ${pythonModuleVersion('networkx') ?? 'absent'}, igraph ${pythonModuleVersion('igraph') ?? 'absent'}.`,
    `Run on ${new Date().toISOString().slice(0, 10)}; our timings are medians of ${REPEAT} runs, the Python ones single runs.`,
  ];
}

async function main(): Promise<void> {
  const wikipedia = loadWikipediaLists();
  const wikidata = loadWikidata2026();
  if (!wikipedia) {
    console.log(
      `SKIPPED: shared data not found under ${SHARED_DATA} (the benchmark reads it there and never copies it).`,
    );
    return;
  }
  const datasets = [
    wikipedia,
    ...(wikidata ? [mergeDatasets(wikipedia, wikidata)] : []),
    await loadRegistryNetwork(),
  ];
  const python = {
    networkx: pythonModuleVersion('networkx') !== undefined,
    igraph: pythonModuleVersion('igraph') !== undefined,
  };
  if (!python.networkx || !python.igraph)
    console.log(`NOTE: ${PYTHON} lacks networkx or igraph; their columns will read n/a.`);
  const header = { command: 'npx tsx bench/analysis-summary.ts', machine: machine(), notes: NOTES };
  const workDir = mkdtempSync(join(tmpdir(), 'twinning-bench-'));
  try {
    const built = await loadBuiltParallelSummary(join(workDir, 'build'));
    const results: DatasetResult[] = [];
    for (const dataset of datasets) {
      const result = await measureDataset(dataset, workDir, python, built);
      console.log(datasetMarkdown(result));
      results.push(result);
    }
    const extras = wikidata ? extrasMarkdown(wikidata) : '';
    header.machine.push(`Load average at the end: ${loadAverage()}.`);
    console.log(`\n${extras}`);
    writeSection(
      join(process.cwd(), 'docs', 'benchmarks.md'),
      `${sectionMarkdown(header, results)}\n${extras}\n`,
    );
    console.log('\nFigures written to docs/benchmarks.md.');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const NOTES = [
  'Every side reads the same edge list: the one `toTsv` (src/analysis/graph-export.ts) writes from the graph the',
  'metrics ran on. Distances are over the largest connected component; igraph is given that component too.',
  'networkx would need about 15 minutes for exact all-pairs distances, so it runs breadth-first searches from a',
  'fixed random sample of sources (seed 2026), the same sources as ours, compared per source. The power-law fit is',
  'not in networkx; bench/python/networkx_metrics.py re-implements it independently. "As built" means src/analysis',
  'compiled by tsc and run as plain JavaScript, as `npm run build` ships it; from TypeScript source under tsx each',
  'worker thread must load tsx first. The merged data set matches places by folded name and ISO country only, a',
  'crude merge for benchmarking (reconciliation proper is src/ingest/reconcile); a pair listed by both counts once.',
  'The last data set is the registry itself: the bundled dataset and every shared source imported, reconciled and',
  'merged by the import pipeline into a temporary SQLite file, read back as `twinning stats` reads it (links in force).',
];

await main();
