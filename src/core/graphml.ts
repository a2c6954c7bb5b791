/** A GraphML attribute: its name and type. */
export type GraphmlKey = readonly [name: string, type: 'string' | 'double' | 'boolean'];

/** A node or edge's attribute values, by key name; absent values are left out. */
export type GraphmlData = Record<string, string | number | boolean | null | undefined>;

/** An undirected graph to write as GraphML. */
export interface GraphmlGraph {
  nodeKeys: readonly GraphmlKey[];
  edgeKeys?: readonly GraphmlKey[];
  nodes: Iterable<{ id: string; data: GraphmlData }>;
  edges: Iterable<{ id?: string; source: string; target: string; data?: GraphmlData }>;
}

/** Escapes text for XML character data and attribute values; control characters XML 1.0 forbids become U+FFFD. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(
        /[<>&"']/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
      )
  );
}

function dataOf(keys: readonly GraphmlKey[], data: GraphmlData | undefined): string {
  return keys
    .map(([name]) => data?.[name])
    .map((value, i) =>
      value === null || value === undefined
        ? ''
        : `<data key="${keys[i]![0]}">${xmlText(String(value))}</data>`,
    )
    .join('');
}

/** The opening of a GraphML document: the attribute keys and the undirected graph's start tag. */
export function graphmlHead(nodeKeys: readonly GraphmlKey[], edgeKeys: readonly GraphmlKey[] = []): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map(
      ([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`,
    ),
    ...edgeKeys.map(
      ([name, type]) => `  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`,
    ),
    '  <graph id="twinning" edgedefault="undirected">',
    '',
  ].join('\n');
}

/** One node element, with its line end. */
export function graphmlNode(
  nodeKeys: readonly GraphmlKey[],
  node: { id: string; data: GraphmlData },
): string {
  return `    <node id="${xmlText(node.id)}">${dataOf(nodeKeys, node.data)}</node>\n`;
}

/** One edge element, with its line end. */
export function graphmlEdge(
  edgeKeys: readonly GraphmlKey[],
  edge: { id?: string; source: string; target: string; data?: GraphmlData },
): string {
  const id = edge.id === undefined ? '' : ` id="${xmlText(edge.id)}"`;
  const ends = `source="${xmlText(edge.source)}" target="${xmlText(edge.target)}"`;
  const data = dataOf(edgeKeys, edge.data);
  return data === '' ? `    <edge${id} ${ends}/>\n` : `    <edge${id} ${ends}>${data}</edge>\n`;
}

/** The closing of a GraphML document. */
export const GRAPHML_TAIL = '  </graph>\n</graphml>\n';

/** Writes an undirected graph as a GraphML document (nodes, then edges). */
export function writeGraphml(graph: GraphmlGraph): string {
  const edgeKeys = graph.edgeKeys ?? [];
  let out = graphmlHead(graph.nodeKeys, edgeKeys);
  for (const node of graph.nodes) out += graphmlNode(graph.nodeKeys, node);
  for (const edge of graph.edges) out += graphmlEdge(edgeKeys, edge);
  return out + GRAPHML_TAIL;
}
