/** Runs the Python reference scripts (Debian's networkx and igraph under /usr/bin/python3) for the benchmark. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = process.env.TWINNING_PYTHON ?? '/usr/bin/python3';
const SCRIPTS = join(process.cwd(), 'bench', 'python');

/** The version of a Python module, or undefined when it cannot be imported. */
export function pythonModuleVersion(module: string): string | undefined {
  const run = spawnSync(PYTHON, ['-c', `import ${module}; print(${module}.__version__)`], {
    encoding: 'utf8',
  });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** What networkx_metrics.py prints in benchmark mode. */
export interface NetworkxRun {
  nodes: number;
  edges: number;
  max_degree: number;
  components: number;
  largest_component_nodes: number;
  transitivity: number;
  average_clustering: number;
  triangles: number;
  degree_assortativity: number;
  power_law: { alpha: number; xmin: number; tail: number; ks: number };
  sample: { sources: number; histogram: number[]; distance_sums: number[] };
  timings: Record<string, number>;
}

/** What igraph_distances.py prints. */
export interface IgraphRun {
  igraph_version: string;
  largest_component_nodes: number;
  diameter: number;
  mean_distance: number;
  /** Ordered pairs at each distance. */
  distance_histogram: number[];
  timings: { diameter: number; mean_distance: number; histogram: number };
}

function runScript<T>(script: string, args: string[]): T {
  const output = execFileSync(PYTHON, [join(SCRIPTS, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return JSON.parse(output) as T;
}

/** networkx on everything but all-pairs, plus breadth-first searches from the listed sources. */
export function runNetworkx(edgeListPath: string, sourcesPath: string): NetworkxRun {
  return runScript<NetworkxRun>('networkx_metrics.py', [edgeListPath, '--sources', sourcesPath]);
}

/** igraph's exact diameter and mean distance of the largest component, each timed. */
export function runIgraph(edgeListPath: string): IgraphRun {
  return runScript<IgraphRun>('igraph_distances.py', [edgeListPath]);
}
