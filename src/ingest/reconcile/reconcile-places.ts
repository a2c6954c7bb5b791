import type { Kysely } from 'kysely';
import {
  gazetteerByKeys,
  gazetteerBySkeleton,
  gazetteerBySkeletonPrefix,
  gazetteerInBox,
  type GazetteerHit,
} from '../../store/gazetteer.repository.js';
import type { DB } from '../../store/schema.js';
import { exactCountry } from './country-resolver.js';
import { editAllowance, editDistance, similarity } from './edit-distance.js';
import { boxAround, distanceKm, type Point } from '../../core/geo.js';
import { chooseMatch } from './matcher.js';
import type { CandidateVia, MatchQuery, MatchResult, PlaceCandidate } from './match-types.js';
import { coreKey, matchKey, skeletonKey } from './name-keys.js';
import type { PreparedPlace } from './prepare-query.js';
import { findSubdivisions } from './subdivisions.js';

function candidate(hit: GazetteerHit, via: CandidateVia): PlaceCandidate {
  return {
    kind: 'geonames',
    id: String(hit.geonameId),
    name: hit.name,
    country: hit.country,
    admin1: hit.admin1,
    lat: hit.lat,
    lon: hit.lon,
    population: hit.population,
    featureCode: hit.featureCode,
    via,
  };
}

function nameCandidates(p: PreparedPlace, byKey: ReadonlyMap<string, GazetteerHit[]>): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const key of p.nameKeys)
    for (const hit of byKey.get(key) ?? []) out.push(candidate(hit, hit.isMain ? 'name' : 'alternate'));
  for (const key of p.looseKeys) for (const hit of byKey.get(key) ?? []) out.push(candidate(hit, 'core'));
  return out;
}

function regionCandidates(p: PreparedPlace): PlaceCandidate[] {
  const countries = p.country?.searchCountries;
  const subs = findSubdivisions(p.parsed.base, countries).map((s): PlaceCandidate => ({
    kind: 'subdivision',
    id: s.code,
    name: s.name,
    country: s.country,
    population: 0,
    via: s.level === 1 ? 'name' : 'alternate',
  }));
  const asCountry = p.parsed.hints.length === 0 ? exactCountry(p.parsed.base) : undefined;
  if (
    asCountry &&
    (asCountry.method === 'name' || asCountry.method === 'alias') &&
    (!countries || countries.includes(asCountry.country))
  ) {
    subs.push({
      kind: 'country',
      id: asCountry.country,
      name: p.parsed.base,
      country: asCountry.country,
      population: 0,
      via: 'name',
    });
  }
  return subs;
}

/** The gazetteer places the qualifiers name, the most populous in the place's country for each. */
function hintPlaces(p: PreparedPlace, byKey: ReadonlyMap<string, GazetteerHit[]>): GazetteerHit[] {
  const countries = p.country?.searchCountries ?? [];
  return p.hintKeys.flatMap((key) => {
    const hits = (byKey.get(key) ?? []).filter(
      (h) => countries.length === 0 || countries.includes(h.country),
    );
    const best = hits.sort((a, b) => b.population - a.population)[0];
    return best ? [best] : [];
  });
}

/** A place not in the gazetteer but qualified by one that is ("Guro (Seoul)"): matched to that parent. */
function parentMatch(p: PreparedPlace, parents: readonly GazetteerHit[]): MatchResult | undefined {
  const parent = parents[0];
  if (parent === undefined || p.parsed.hints.length === 0) return undefined;
  const { lat, lon } = p.place;
  const distance = lat !== undefined && lon !== undefined ? distanceKm({ lat, lon }, parent) : undefined;
  return {
    candidate: candidate(parent, 'name'),
    method: 'parent',
    confidence: 0.5,
    doubtful: distance !== undefined && distance > 50,
    ...(distance !== undefined ? { distanceKm: Math.round(distance * 10) / 10 } : {}),
  };
}

/** The query the pure matcher sees. */
function queryOf(p: PreparedPlace, parents: readonly GazetteerHit[]): MatchQuery {
  const { lat, lon } = p.place;
  return {
    parsed: p.parsed,
    countries: p.country?.searchCountries ?? [],
    ...(p.country?.subdivision ? { subdivision: p.country.subdivision } : {}),
    ...(lat !== undefined && lon !== undefined ? { point: { lat, lon } } : {}),
    hintPoints: parents.map((h): Point => ({ lat: h.lat, lon: h.lon })),
  };
}

/** Two keys close enough for a place nearby: similar spelling, or the same first word ("Weiden in der Oberpfalz", "Weiden"). */
function namesAgree(a: string, b: string): boolean {
  if (similarity(a, b) >= 0.5) return true;
  const first = (k: string): string => k.split(/[ ]/)[0] ?? '';
  return first(a).length >= 4 && first(a) === first(b);
}

/** Second round for a place the names did not settle: spelling-blind keys, edits, and nearness. */
async function looserCandidates(
  db: Kysely<DB>,
  p: PreparedPlace,
  query: MatchQuery,
): Promise<PlaceCandidate[]> {
  const key = coreKey(matchKey(p.parsed.base));
  const skeleton = skeletonKey(key);
  const out: PlaceCandidate[] = [];
  for (const country of (p.country?.searchCountries ?? []).slice(0, 3)) {
    for (const hit of await gazetteerBySkeleton(db, country, skeleton)) out.push(candidate(hit, 'skeleton'));
    const allowance = editAllowance(key.length);
    if (allowance === 0 || skeleton.length < 4) continue;
    for (const hit of await gazetteerBySkeletonPrefix(db, country, skeleton.slice(0, 3))) {
      if (editDistance(key, hit.key, allowance) <= allowance) out.push(candidate(hit, 'fuzzy'));
    }
  }
  if (query.point) {
    for (const hit of await gazetteerInBox(db, boxAround(query.point, 5))) {
      if (namesAgree(key, coreKey(matchKey(hit.name)))) out.push(candidate(hit, 'nearby'));
    }
  }
  return out;
}

/**
 * Matches source places to gazetteer places, subdivisions or countries. Names are looked up in
 * batches; places they leave unresolved or doubtful get a second, looser round one by one.
 */
export async function reconcilePlaces(
  db: Kysely<DB>,
  places: readonly PreparedPlace[],
): Promise<MatchResult[]> {
  const keys = places.flatMap((p) => [...p.nameKeys, ...p.looseKeys, ...p.hintKeys]);
  const byKey = await gazetteerByKeys(db, keys);
  const results: MatchResult[] = [];
  for (const p of places) {
    const parents = hintPlaces(p, byKey);
    const query = queryOf(p, parents);
    const candidates = [...nameCandidates(p, byKey), ...regionCandidates(p)];
    let result = chooseMatch(query, candidates);
    if (result.method === 'unresolved' || result.doubtful) {
      const wider = chooseMatch(query, [...candidates, ...(await looserCandidates(db, p, query))]);
      if (
        wider.method !== 'unresolved' &&
        (result.method === 'unresolved' || (!wider.doubtful && wider.confidence >= result.confidence * 0.9))
      )
        result = wider;
    }
    results.push(result.method === 'unresolved' ? (parentMatch(p, parents) ?? result) : result);
  }
  return results;
}
