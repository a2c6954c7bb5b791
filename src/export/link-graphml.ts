import { GRAPHML_TAIL, graphmlEdge, graphmlHead, graphmlNode } from '../core/graphml.js';
import type { LinkEnd, LinkListItem } from '../registry/link/query.js';
import type { DocumentWriter } from './document-writer.js';

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

function nodeOf(n: LinkEnd) {
  const data = {
    key: n.key,
    name: n.name,
    kind: n.kind,
    country: n.country,
    lat: n.coordinates?.lat,
    lon: n.coordinates?.lon,
  };
  return { id: n.key, data };
}

/**
 * Links as an undirected GraphML graph, a page at a time: localities are nodes (by key), each written once,
 * before the first edge that needs it (GraphML lets nodes and edges interleave); links are edges.
 */
export function graphMlWriter(): DocumentWriter<LinkListItem> {
  const written = new Set<string>();
  return {
    head: graphmlHead(NODE_KEYS, EDGE_KEYS),
    page(items) {
      let out = '';
      for (const l of items) {
        for (const end of [l.a, l.b]) {
          if (written.has(end.key)) continue;
          written.add(end.key);
          out += graphmlNode(NODE_KEYS, nodeOf(end));
        }
        const data = {
          link_kind: l.kind,
          status: l.status,
          since: l.since,
          formed: l.formed,
          ended: l.ended,
          exclusive: l.exclusive,
        };
        out += graphmlEdge(EDGE_KEYS, { id: `link-${l.id}`, source: l.a.key, target: l.b.key, data });
      }
      return out;
    },
    tail: GRAPHML_TAIL,
  };
}

/** Links as one GraphML document. */
export function linksToGraphMl(items: readonly LinkListItem[]): string {
  const writer = graphMlWriter();
  return writer.head + writer.page(items) + writer.tail;
}
