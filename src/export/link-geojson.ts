import type { LinkListItem } from '../registry/link/query.js';
import { linkFacts } from './link-facts.js';

/**
 * Links as a GeoJSON FeatureCollection (RFC 7946): each a LineString from side a to side b, [lon, lat];
 * a link with a side of unknown position has a null geometry, so none is silently dropped.
 */
export function linksToGeoJson(items: readonly LinkListItem[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: items.map((l) => ({
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
    })),
  });
}
