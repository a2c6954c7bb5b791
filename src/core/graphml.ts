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

/** Writes an undirected graph as a GraphML document. */
export function writeGraphml(graph: GraphmlGraph): string {
  const edgeKeys = graph.edgeKeys ?? [];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...graph.nodeKeys.map(
      ([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`,
    ),
    ...edgeKeys.map(
      ([name, type]) => `  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`,
    ),
    '  <graph id="twinning" edgedefault="undirected">',
  ];
  for (const node of graph.nodes)
    out.push(`    <node id="${xmlText(node.id)}">${dataOf(graph.nodeKeys, node.data)}</node>`);
  for (const edge of graph.edges) {
    const id = edge.id === undefined ? '' : ` id="${xmlText(edge.id)}"`;
    const ends = `source="${xmlText(edge.source)}" target="${xmlText(edge.target)}"`;
    const data = dataOf(edgeKeys, edge.data);
    out.push(data === '' ? `    <edge${id} ${ends}/>` : `    <edge${id} ${ends}>${data}</edge>`);
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
