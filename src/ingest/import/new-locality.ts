import type { LocalityKind, LocalityName } from '../../core/locality.js';
import { gazetteerRef, type MatchRef } from '../../core/match-ref.js';
import { firstLevelDivision } from '../../core/region.js';
import { foldText } from '../../core/text-fold.js';
import type { PlannedLocality } from '../../registry/import/import-plan.js';
import type { MatchResult, PlaceCandidate } from '../reconcile/match-types.js';
import type { PreparedPlace } from '../reconcile/prepare-query.js';
import { isIsoCode } from '../reconcile/subdivisions.js';

function kindOfGeonames(c: PlaceCandidate): LocalityKind {
  // The supplement holds places of 1,000 people or more and municipal seats, without their populations.
  if (c.kind === 'geonames-point') return 'town';
  if (c.featureCode === 'PPLX') return 'district';
  if (c.featureCode === 'PPLC' || c.population >= 100_000) return 'city';
  return c.population >= 5_000 ? 'town' : 'village';
}

function kindOf(p: PreparedPlace, m: MatchResult): LocalityKind {
  const c = m.candidate;
  if (m.method === 'parent' || c === undefined) return p.parsed.kind ?? 'other';
  if (m.method === 'seat') return p.parsed.kind ?? 'municipality';
  if (c.kind === 'country') return 'country';
  if (c.kind === 'subdivision') return p.parsed.kind ?? (isIsoCode(c.id) ? 'region' : 'municipality');
  return p.parsed.kind === 'district' || p.parsed.kind === 'county' ? p.parsed.kind : kindOfGeonames(c);
}

/** A match that stands for the place without being it: the place it lies in, or the seat it is named after. */
function standIn(m: MatchResult): boolean {
  return m.method === 'parent' || m.method === 'seat';
}

function namesOf(p: PreparedPlace, m: MatchResult): LocalityName[] {
  const own = standIn(m) ? undefined : m.candidate?.name;
  const names: LocalityName[] = [];
  if (own) names.push({ name: own, lang: 'und', primary: true });
  const written = p.parsed.base;
  if (foldText(written) !== foldText(own ?? ''))
    names.push({ name: written, lang: p.place.lang ?? 'und', primary: names.length === 0 });
  return names;
}

/**
 * The ISO 3166-2 subdivision a match lies in: the subdivision matched itself, or, in the United States,
 * the state of the GeoNames place (its admin1 code is the state's postal code). Elsewhere GeoNames'
 * admin1 codes are not ISO codes, so none is given.
 */
function subdivisionOf(c: PlaceCandidate | undefined, country: string | null): string | null {
  if (c === undefined) return null;
  if (c.kind === 'subdivision' && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(c.id)) return c.id;
  if (country === 'US' && c.country === 'US' && c.admin1 && /^[A-Z]{2}$/.test(c.admin1))
    return `US-${c.admin1}`;
  return null;
}

/** The locality to create for a source's place and its match (gazetteer facts first, the source's as fallback). */
export function newLocality(p: PreparedPlace, m: MatchResult): PlannedLocality {
  const c = m.method === 'parent' ? undefined : m.candidate;
  const seat = m.method === 'seat' ? c : undefined;
  const own = seat ? undefined : c;
  const country = c?.country ?? p.place.countryCode ?? p.country?.country ?? null;
  const names = namesOf(p, m);
  // A unit named after its seat lies where the source puts it, else at its seat; a unit matched as
  // such, where the source puts it, else at the mean of its places; not where the source's point lies far
  // outside its country (the geocoder's namesake abroad: "Florida, Uruguay" at the US state).
  const sourceFirst = seat ?? (own?.kind === 'subdivision' ? own : undefined);
  const point = seat === undefined && m.pointAbroad ? undefined : p.place;
  const lat = (sourceFirst ? (point?.lat ?? sourceFirst.lat) : (own?.lat ?? p.place.lat)) ?? null;
  const lon = (sourceFirst ? (point?.lon ?? sourceFirst.lon) : (own?.lon ?? p.place.lon)) ?? null;
  const unresolved = m.method === 'unresolved' || standIn(m);
  return {
    keyName: names[0]!.name,
    kind: kindOf(p, m),
    country,
    subdivision: subdivisionOf(m.candidate, country),
    lat,
    lon,
    population: own?.kind === 'geonames' && own.population > 0 ? own.population : null,
    wikidataId: p.place.wikidataId ?? null,
    geonamesId: own?.kind === 'geonames' ? Number(own.id) : null,
    featureCode: own?.kind === 'geonames' ? (own.featureCode ?? null) : null,
    division: own?.kind === 'geonames' ? firstLevelDivision(own.country, own.admin1) : null,
    otherNames: own?.kind === 'geonames' ? (own.otherNames ?? null) : null,
    unverified: unresolved,
    notes:
      m.method === 'parent'
        ? m.candidate
          ? `not in the gazetteer; lies in ${m.candidate.name}`
          : 'not in the gazetteer; lies in a place another source named'
        : seat
          ? `not in the gazetteer; named after its seat ${seat.name} (GeoNames ${seat.id})`
          : unresolved
            ? 'not matched to the gazetteer'
            : null,
    names,
  };
}

/** The identity under which a match is shared across sources: the gazetteer entry, or the source's own place. */
export function matchRef(placeKey: string, m: MatchResult): MatchRef {
  const c = m.candidate;
  if (m.method === 'unresolved' || c === undefined) return { kind: 'unresolved', placeKey };
  const entry = gazetteerRef(c.kind, c.id);
  if (m.method === 'parent') return { kind: 'within', parent: entry, placeKey };
  // A unit named after its seat is not the seat: every source's unit of that seat shares one locality.
  if (m.method === 'seat') return { kind: 'seat', seat: entry };
  return entry;
}
