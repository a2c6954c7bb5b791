import type { GazetteerNamesTable, GazetteerPlacesTable } from '../../store/schema.js';
import type { GeoNamesPlace } from './geonames-parser.js';
import { bareKey, gazetteerKeys, skeletonKey } from '../../core/name-keys.js';

/** A gazetteer place row as stored. */
export type GazetteerPlaceRow = GazetteerPlacesTable;

/** A gazetteer name-key row as stored. */
export type GazetteerNameRow = GazetteerNamesTable;

/** The place row of a GeoNames record. */
export function placeRow(p: GeoNamesPlace): GazetteerPlaceRow {
  return {
    geoname_id: p.geonameId,
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    feature_code: p.featureCode,
    country: p.country,
    admin1: p.admin1,
    admin2: p.admin2,
    population: p.population,
    timezone: p.timezone,
  };
}

/** Every distinct lookup key of a GeoNames record's names; the main name's keys are marked. */
export function nameRows(p: GeoNamesPlace): GazetteerNameRow[] {
  const rows = new Map<string, GazetteerNameRow>();
  const file = (key: string, main: boolean): void => {
    const existing = rows.get(key);
    if (existing) {
      if (main) existing.is_main = 1;
      return;
    }
    rows.set(key, {
      geoname_id: p.geonameId,
      key,
      skeleton: skeletonKey(key),
      country: p.country,
      is_main: main ? 1 : 0,
    });
  };
  const add = (name: string, main: boolean): void => {
    if (name === '' || name.includes('://')) return;
    for (const key of gazetteerKeys(name)) file(key, main);
  };
  add(p.name, true);
  add(p.asciiName, true);
  for (const alt of p.alternateNames) add(alt, false);
  // Names shortened by their connector words ("Kirchheim/Teck") are filed as other names.
  for (const key of [...rows.keys()]) if (bareKey(key) !== key) file(bareKey(key), false);
  return [...rows.values()];
}
