import type { LinkEnd, LinkListItem } from '../../registry/query-links.js';

/** Escapes text for XML character data and attribute values. */
export function xmlText(value: string): string {
  return (
    value
      // XML 1.0 forbids these control characters even escaped; they become U+FFFD.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const NODE_KEYS = [
  ['key', 'string'],
  ['name', 'string'],
  ['kind', 'string'],
  ['country', 'string'],
  ['lat', 'double'],
  ['lon', 'double'],
] as const;
const EDGE_KEYS = [
  ['link_kind', 'string'],
  ['status', 'string'],
  ['since', 'string'],
  ['formed', 'string'],
  ['ended', 'string'],
  ['exclusive', 'boolean'],
] as const;

const data = (key: string, value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : `<data key="${key}">${xmlText(String(value))}</data>`;

/** Links as an undirected GraphML graph: localities are nodes (by key), links edges. */
export function linksToGraphMl(items: readonly LinkListItem[]): string {
  const nodes = new Map<string, LinkEnd>();
  for (const l of items) {
    nodes.set(l.a.key, l.a);
    nodes.set(l.b.key, l.b);
  }
  const keys = [
    ...NODE_KEYS.map(([k, t]) => `<key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(([k, t]) => `<key id="${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
  ];
  const nodeLines = [...nodes.values()].map(
    (n) =>
      `<node id="${xmlText(n.key)}">${data('key', n.key)}${data('name', n.name)}${data('kind', n.kind)}${data('country', n.country)}${data('lat', n.coordinates?.lat)}${data('lon', n.coordinates?.lon)}</node>`,
  );
  const edgeLines = items.map(
    (l) =>
      `<edge id="link-${l.id}" source="${xmlText(l.a.key)}" target="${xmlText(l.b.key)}">${data('link_kind', l.kind)}${data('status', l.status)}${data('since', l.since)}${data('formed', l.formed)}${data('ended', l.ended)}${data('exclusive', l.exclusive)}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    '<graph id="twinning" edgedefault="undirected">',
    ...nodeLines,
    ...edgeLines,
    '</graph>',
    '</graphml>',
    '',
  ].join('\n');
}
