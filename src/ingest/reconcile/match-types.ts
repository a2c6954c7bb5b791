import type { ParsedPlaceName } from './place-name.js';
import type { Point } from '../../core/geo.js';

/**
 * How a place was matched, from the strongest evidence to none. `seat`: an administrative unit or a
 * merged municipality that the gazetteer lacks, matched to the town it is named after, usually its seat
 * ("Landkreis Rosenheim" → Rosenheim, "Ikast-Brande" → Ikast); the unit stays a locality of its own.
 * `parent`: the place itself is not in the gazetteer, but the place a qualifier names is ("Guro (Seoul)"
 * lies in Seoul). `partner`: a locality the registry already links to one of the place's partners under the
 * place's name (the pair as another source states it: "Cleveland" beside Cleveland, Ohio is Cleveland, England).
 */
export const MATCH_METHODS = [
  'manual',
  'wikidata-id',
  'exact-name',
  'alternate-name',
  'qualified',
  'transliteration',
  'fuzzy',
  'coordinates',
  'subdivision',
  'country',
  'seat',
  'parent',
  'partner',
  'unresolved',
] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

/**
 * How a candidate was found: by its main name, another name, a core or spelling-blind key, an edit,
 * nearness, or as the town an administrative unit or merged municipality is named after.
 */
export type CandidateVia = 'name' | 'alternate' | 'core' | 'skeleton' | 'fuzzy' | 'nearby' | 'seat';

/** A gazetteer place, subdivision or country that a source's place may be. */
export interface PlaceCandidate {
  /** `geonames-point`: a place of the gazetteer's supplement, which has no GeoNames id. */
  kind: 'geonames' | 'geonames-point' | 'subdivision' | 'country';
  /**
   * The GeoNames id; for a supplement place its country and GeoNames' coordinates (`KR:34.85444:128.43306`);
   * a subdivision code (ISO 3166-2 or GeoNames admin2); or an ISO 3166-1 code.
   */
  id: string;
  name: string;
  country: string;
  admin1?: string;
  lat?: number;
  lon?: number;
  population: number;
  featureCode?: string;
  /** How many other names GeoNames gives the place, when known. */
  otherNames?: number | null;
  via: CandidateVia;
  /**
   * How far down a seat candidate ranks: 0 for the town of the unit's own name or the first part of a
   * double name (usually the seat), more for a later part or one found by spelling or nearness.
   */
  rank?: number;
}

/** Everything known about a source's place when matching it. */
export interface MatchQuery {
  parsed: ParsedPlaceName;
  /** Countries its places may be in; empty when the source gives none. */
  countries: readonly string[];
  /**
   * The territory the country string names before the country it belongs to ("Réunion, France": RE, with
   * `countries` RE then FR); its own places come first where the source's point lies at a namesake elsewhere.
   */
  territory?: string;
  /** An ISO 3166-2 subdivision the country string names. */
  subdivision?: string;
  point?: Point;
  /**
   * The point is the place's own coordinates as Wikidata records them for its Q-id, not a geocoder's guess
   * from its name: it outweighs a country tag that disagrees, and a name match far from it is likelier a namesake.
   */
  ownPoint?: boolean;
  /** Where places named in its qualifiers lie ("Seoul" for "Guro (Seoul)"). */
  hintPoints: readonly Point[];
  /** The first-level units (`KR.11`: country and GeoNames admin1 code) those places lie in. */
  hintRegions: readonly string[];
  /** First-level units its qualifiers name themselves ("Hesse": `DE.05`), by GeoNames' admin1 code. */
  namedRegions?: readonly string[];
}

/** The chosen candidate, how, how sure, and whether a person should look. */
export interface MatchResult {
  candidate?: PlaceCandidate;
  method: MatchMethod;
  /** 0..1. */
  confidence: number;
  /** A match a person should check: far from the source's coordinates, in another country, or weak. */
  doubtful: boolean;
  distanceKm?: number;
  /**
   * The source's point lies far outside the country of every place of the name ("Florida, Uruguay" geocoded to
   * the US state): a unit without a point of its own is matched without it and does not take it.
   */
  pointAbroad?: true;
}
