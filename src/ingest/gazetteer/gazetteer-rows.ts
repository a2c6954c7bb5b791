import type { GazetteerNamesTable, GazetteerPlacesTable } from '../../store/schema.js';
import type { GeoNamesPlace } from './geonames-parser.js';
import { bareKey, gazetteerKeys, skeletonKey } from '../../core/name-keys.js';
import { otherNamesCount } from '../../core/suggest/other-names.js';

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
    other_names: otherNamesOf(p),
  };
}

/**
 * How many other names GeoNames gives the place; null for a place of the supplement (a negative id), whose file
 * gives no other names.
 */
function otherNamesOf(p: GeoNamesPlace): number | null {
  return p.geonameId > 0 ? otherNamesCount(p.name, p.asciiName, p.alternateNames) : null;
}

/** One lookup key of a place's names, and whether it comes from its main name. */
export interface NameKey {
  key: string;
  main: boolean;
}

/** Files one key of a place's names (key → whether a main name gives it). */
function fileKey(keys: Map<string, boolean>, key: string, main: boolean): void {
  if (main || !keys.has(key)) keys.set(key, main || keys.get(key) === true);
}

function fileName(keys: Map<string, boolean>, name: string, main: boolean): void {
  if (name === '' || name.includes('://')) return;
  for (const key of gazetteerKeys(name)) fileKey(keys, key, main);
}

/** Every distinct lookup key of a GeoNames record's names, in the order first filed; the main name's are marked. */
export function nameKeys(p: GeoNamesPlace): NameKey[] {
  const keys = new Map<string, boolean>();
  fileName(keys, p.name, true);
  if (p.asciiName !== p.name) fileName(keys, p.asciiName, true);
  // An other name spelt as a main name adds no key: the main name's are filed already.
  for (const alt of p.alternateNames) if (alt !== p.name && alt !== p.asciiName) fileName(keys, alt, false);
  // Names shortened by their connector words ("Kirchheim/Teck") are filed as other names.
  for (const key of [...keys.keys()]) {
    const bare = bareKey(key);
    if (bare !== key) fileKey(keys, bare, false);
  }
  return [...keys].map(([key, main]) => ({ key, main }));
}

/** A place's name-key row as stored, with its spelling-blind key. */
export function nameRow(p: GeoNamesPlace, { key, main }: NameKey): GazetteerNameRow {
  return {
    geoname_id: p.geonameId,
    key,
    skeleton: skeletonKey(key),
    country: p.country,
    is_main: main ? 1 : 0,
  };
}

/** Every distinct lookup key of a GeoNames record's names as stored rows; the main name's keys are marked. */
export function nameRows(p: GeoNamesPlace): GazetteerNameRow[] {
  return nameKeys(p).map((k) => nameRow(p, k));
}
