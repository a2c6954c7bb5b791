import type { LinkListItem } from '../registry/link/query.js';
import { linkFacts } from './link-facts.js';
import type { DocumentWriter } from './document-writer.js';

/** One link as a GeoJSON Feature: a LineString from side a to side b, [lon, lat]; null geometry when a side has no position. */
function linkFeature(l: LinkListItem) {
  return {
    type: 'Feature',
    id: l.id,
    geometry:
      l.a.coordinates && l.b.coordinates
        ? {
            type: 'LineString',
            coordinates: [
              [l.a.coordinates.lon, l.a.coordinates.lat],
              [l.b.coordinates.lon, l.b.coordinates.lat],
            ],
          }
        : null,
    properties: {
      a: { key: l.a.key, name: l.a.name, country: l.a.country },
      b: { key: l.b.key, name: l.b.name, country: l.b.country },
      ...linkFacts(l),
    },
  };
}

/**
 * Links as a GeoJSON FeatureCollection (RFC 7946), written a page at a time: the same text as one
 * JSON.stringify of the whole collection. A link with a side of unknown position has a null geometry, so
 * none is silently dropped.
 */
export function geoJsonWriter(): DocumentWriter<LinkListItem> {
  let first = true;
  return {
    head: '{"type":"FeatureCollection","features":[',
    page(items) {
      if (items.length === 0) return '';
      const text = items.map((l) => JSON.stringify(linkFeature(l))).join(',');
      const out = first ? text : `,${text}`;
      first = false;
      return out;
    },
    tail: ']}',
  };
}

/** Links as one GeoJSON FeatureCollection text. */
export function linksToGeoJson(items: readonly LinkListItem[]): string {
  const writer = geoJsonWriter();
  return writer.head + writer.page(items) + writer.tail;
}
