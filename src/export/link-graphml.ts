import { writeGraphml } from '../core/graphml.js';
import type { LinkEnd, LinkListItem } from '../registry/link/query.js';

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

/** Links as an undirected GraphML graph: localities are nodes (by key), links edges. */
export function linksToGraphMl(items: readonly LinkListItem[]): string {
  const nodes = new Map<string, LinkEnd>();
  for (const l of items) {
    nodes.set(l.a.key, l.a);
    nodes.set(l.b.key, l.b);
  }
  return writeGraphml({
    nodeKeys: NODE_KEYS,
    edgeKeys: EDGE_KEYS,
    nodes: [...nodes.values()].map((n) => ({
      id: n.key,
      data: {
        key: n.key,
        name: n.name,
        kind: n.kind,
        country: n.country,
        lat: n.coordinates?.lat,
        lon: n.coordinates?.lon,
      },
    })),
    edges: items.map((l) => ({
      id: `link-${l.id}`,
      source: l.a.key,
      target: l.b.key,
      data: {
        link_kind: l.kind,
        status: l.status,
        since: l.since,
        formed: l.formed,
        ended: l.ended,
        exclusive: l.exclusive,
      },
    })),
  });
}
