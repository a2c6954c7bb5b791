import { TwinningError } from './errors.js';

/**
 * An entry of the gazetteer a source's place may be: a GeoNames place; a place of the supplement, which
 * has no GeoNames id and is known by its country and GeoNames' coordinates; a subdivision (an ISO 3166-2
 * code such as `IT-78`, a GeoNames admin2 code such as `KR.11.11170`, an INSEE code such as `FR.COM.24021`);
 * or a country (ISO 3166-1 alpha-2, former and user-assigned codes included).
 */
export type GazetteerRef =
  | { kind: 'geonames'; geonamesId: number }
  | { kind: 'geonames-point'; country: string; lat: number; lon: number }
  | { kind: 'subdivision'; code: string }
  | { kind: 'country'; code: string };

/**
 * The identity under which a match is shared across sources (`source_places.matched_ref`): a gazetteer
 * entry; the seat a unit is named after (every source's unit of that seat shares one locality); a place not
 * in the gazetteer lying within one (`within`, kept apart per source place); an unresolved place; or, while
 * an import decides, a locality already in the registry (never stored).
 */
export type MatchRef =
  | GazetteerRef
  | { kind: 'seat'; seat: GazetteerRef }
  | { kind: 'within'; parent: GazetteerRef; placeKey: string }
  | { kind: 'unresolved'; placeKey: string }
  | { kind: 'locality'; localityId: number };

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e-?\d+)?`;
const POINT = new RegExp(String.raw`^([A-Z]{2}):(${NUMBER}):(${NUMBER})$`);
const POINT_THEN_REST = new RegExp(String.raw`^([A-Z]{2}:${NUMBER}:${NUMBER}):(.*)$`, 's');

/** A gazetteer entry's id as the gazetteer writes it (`3169070`, `KR:34.85444:128.43306`, `IT-78`, `FK`). */
export function gazetteerId(ref: GazetteerRef): string {
  switch (ref.kind) {
    case 'geonames':
      return String(ref.geonamesId);
    case 'geonames-point':
      return `${ref.country}:${ref.lat}:${ref.lon}`;
    case 'subdivision':
    case 'country':
      return ref.code;
  }
}

function invalid(text: string): TwinningError {
  return new TwinningError('InvalidInput', `"${text}" is not a match reference`, { field: 'matched_ref' });
}

/** The gazetteer entry an id of `gazetteerId`'s form names; the form tells the kind apart. */
export function parseGazetteerId(id: string): GazetteerRef {
  if (/^\d+$/.test(id)) return { kind: 'geonames', geonamesId: Number(id) };
  const point = POINT.exec(id);
  if (point)
    return { kind: 'geonames-point', country: point[1]!, lat: Number(point[2]), lon: Number(point[3]) };
  if (/^[A-Z]{2}$/.test(id)) return { kind: 'country', code: id };
  if (/^[A-Z]{2}[-.][^:\s]+$/.test(id)) return { kind: 'subdivision', code: id };
  throw invalid(id);
}

/** A gazetteer entry from a candidate's kind and id, checking that the id has that kind's form. */
export function gazetteerRef(kind: GazetteerRef['kind'], id: string): GazetteerRef {
  const ref = parseGazetteerId(id);
  if (ref.kind !== kind) throw invalid(`${kind}:${id}`);
  return ref;
}

/** The stored text of a match reference (`geonames:3169070`, `seat:2844988`, `unresolved:…`). */
export function encodeMatchRef(ref: MatchRef): string {
  switch (ref.kind) {
    case 'geonames':
    case 'geonames-point':
    case 'subdivision':
    case 'country':
      return `${ref.kind}:${gazetteerId(ref)}`;
    case 'seat':
      return `seat:${gazetteerId(ref.seat)}`;
    case 'within':
      return `within:${gazetteerId(ref.parent)}:${ref.placeKey}`;
    case 'unresolved':
      return `unresolved:${ref.placeKey}`;
    case 'locality':
      return `locality:${ref.localityId}`;
  }
}

/** Reads a stored match reference; throws InvalidInput (field `matched_ref`) on text of no known form. */
export function decodeMatchRef(text: string): MatchRef {
  const colon = text.indexOf(':');
  const prefix = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (colon <= 0) throw invalid(text);
  switch (prefix) {
    case 'geonames':
    case 'geonames-point':
    case 'subdivision':
    case 'country':
      return gazetteerRef(prefix, rest);
    case 'seat':
      return { kind: 'seat', seat: parseGazetteerId(rest) };
    case 'within': {
      // A parent's id holds no colon, except a supplement point's (country:lat:lon).
      const point = POINT_THEN_REST.exec(rest);
      const cut = point ? point[1]!.length : rest.indexOf(':');
      if (cut <= 0) throw invalid(text);
      return { kind: 'within', parent: parseGazetteerId(rest.slice(0, cut)), placeKey: rest.slice(cut + 1) };
    }
    case 'unresolved':
      return { kind: 'unresolved', placeKey: rest };
    case 'locality':
      if (!/^\d+$/.test(rest)) throw invalid(text);
      return { kind: 'locality', localityId: Number(rest) };
    default:
      throw invalid(text);
  }
}
