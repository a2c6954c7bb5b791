import type { Kysely } from 'kysely';
import { countryName } from '../core/country.js';
import { nameAt } from '../core/locality-names.js';
import { gazetteerPlacesByIds } from '../store/gazetteer.repository.js';
import { subdivisionNames } from '../registry/locality/region-names.js';
import { localitiesById } from '../store/locality.repository.js';
import type { DB } from '../store/schema.js';

/** Where a place lies, to tell namesakes apart: its country's name and its region, when known. */
export interface PlaceLabel {
  country: string | null;
  region: string | null;
}

/**
 * The country and region of each locality: the region is its parent's name in the registry, else the
 * first-level subdivision of the GeoNames place it is identified with, where that code is an ISO one.
 */
export async function placeLabels(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, PlaceLabel>> {
  const records = await localitiesById(db, ids);
  const parentIds = [...records.values()].flatMap((r) => (r.parentId === null ? [] : [r.parentId]));
  const parents = await localitiesById(db, parentIds);
  const geonameIds = [...records.values()].flatMap((r) =>
    r.parentId === null && r.geonamesId ? [r.geonamesId] : [],
  );
  const places = geonameIds.length > 0 ? await gazetteerPlacesByIds(db, geonameIds) : new Map();
  const names = places.size > 0 ? subdivisionNames() : new Map<string, string>();
  const labels = new Map<number, PlaceLabel>();
  for (const [id, record] of records) {
    const parent = record.parentId === null ? undefined : parents.get(record.parentId);
    const place = record.geonamesId ? places.get(record.geonamesId) : undefined;
    const region = parent
      ? nameAt(parent.names)
      : place && place.admin1
        ? (names.get(`${place.country}${place.admin1}`.toLowerCase()) ?? null)
        : null;
    labels.set(id, { country: record.country ? countryName(record.country) : null, region });
  }
  return labels;
}
