import { writeGraphml } from '../core/graphml.js';
import type { TwinGraph } from './twin-graph.js';

/**
 * The edge list every metric is computed on, as text. TSV: a `#` comment line, then one
 * `a<TAB>b` line per edge (deduplicated, no self-loops) and one single-key line per node without
 * edges; backslash, tab, newline and carriage return in keys are written `\\`, `\t`, `\n`, `\r`.
 */
export function toTsv(graph: TwinGraph): string {
  const lines = [`# twinning edge list: ${graph.n} nodes, ${graph.m} edges`];
  for (let i = 0; i < graph.m; i++)
    lines.push(`${escapeTsv(graph.keys[graph.edgeA[i]!]!)}\t${escapeTsv(graph.keys[graph.edgeB[i]!]!)}`);
  for (let v = 0; v < graph.n; v++)
    if (graph.offsets[v + 1] === graph.offsets[v]) lines.push(escapeTsv(graph.keys[v]!));
  return lines.join('\n') + '\n';
}

/** Escapes one TSV field as described for toTsv. */
export function escapeTsv(field: string): string {
  return field.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/** Reads the edge list toTsv writes back into pairs and lone nodes. */
export function parseTsvEdgeList(text: string): { edges: [string, string][]; loneNodes: string[] } {
  const unescape = (field: string): string =>
    field.replace(/\\([\\tnr])/g, (_, c: string) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c]!);
  const edges: [string, string][] = [];
  const loneNodes: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split('\t').map(unescape);
    if (fields.length === 1) loneNodes.push(fields[0]!);
    else edges.push([fields[0]!, fields[1]!]);
  }
  return { edges, loneNodes };
}

const GRAPHML_ATTRIBUTES = [
  ['label', 'string'],
  ['country', 'string'],
  ['continent', 'string'],
  ['lat', 'double'],
  ['lon', 'double'],
] as const;

/** The same graph as GraphML, node ids being the keys, with each node's label, country, continent and coordinates where known. */
export function toGraphml(graph: TwinGraph): string {
  return writeGraphml({
    nodeKeys: GRAPHML_ATTRIBUTES,
    nodes: graph.nodes.map((node) => ({ id: node.key, data: { ...node } })),
    edges: Array.from({ length: graph.m }, (_, i) => ({
      source: graph.keys[graph.edgeA[i]!]!,
      target: graph.keys[graph.edgeB[i]!]!,
    })),
  });
}
