import type { Kysely } from 'kysely';
import {
  allLocalityKeys,
  fillWikidataIds,
  insertLocalities,
  insertSourcePlaces,
  localityIdsBy,
  localityIdsByRef,
  matchesByPlaceKey,
  setGeonamesId,
  sourcePlacesOf,
  unidentifiedLocalitiesByName,
  type NewLocalityRow,
} from '../../store/import.repository.js';
import { encodeMatchRef, type MatchRef } from '../../core/match-ref.js';
import { foldText } from '../../core/text-fold.js';
import type { DB, SourcePlacesTable } from '../../store/schema.js';
import type { MatchMethod, MatchResult } from '../reconcile/match-types.js';
import { preparePlace, type PreparedPlace } from '../reconcile/prepare-query.js';
import { reconcilePlaces } from '../reconcile/reconcile-places.js';
import type { SourcePlace } from '../sources/records.js';
import { matchRef, newLocality } from './new-locality.js';

/** What matching a source's places did. */
export interface ResolveSummary {
  placesSeen: number;
  placesNew: number;
  localitiesCreated: number;
  byMethod: Partial<Record<MatchMethod, number>>;
  unresolved: number;
  doubtful: number;
}

interface Decided {
  key: string;
  prepared: PreparedPlace;
  match: MatchResult;
  ref: MatchRef;
  /** The stored reference of a match reused from another source. */
  matchedRef?: string | null;
}

/** A match another source already made for a place written the same way (same name, same country string). */
function reuse(
  key: string,
  p: PreparedPlace,
  other:
    | {
        locality_id: number;
        method: string;
        confidence: number;
        doubtful: number;
        distance_km: number | null;
        matched_ref: string | null;
      }
    | undefined,
): Decided | undefined {
  if (other === undefined || p.place.wikidataId) return undefined;
  const match: MatchResult = {
    method: other.method as MatchMethod,
    confidence: other.confidence,
    doubtful: other.doubtful === 1,
    ...(other.distance_km !== null ? { distanceKm: other.distance_km } : {}),
  };
  return {
    key,
    prepared: p,
    match,
    ref: { kind: 'locality', localityId: other.locality_id },
    matchedRef: other.matched_ref,
  };
}

async function decide(db: Kysely<DB>, todo: [string, SourcePlace][]): Promise<Decided[]> {
  const byQid = await localityIdsBy(
    db,
    'wikidata_id',
    todo.flatMap(([, p]) => (p.wikidataId ? [p.wikidataId] : [])),
  );
  const elsewhere = await matchesByPlaceKey(
    db,
    todo.filter(([, p]) => !p.wikidataId).map(([key]) => key),
  );
  const prepared = todo.map(([key, place]) => ({ key, prepared: preparePlace(place) }));
  const reused = new Map(
    prepared.flatMap(({ key, prepared: p }) => {
      const d = reuse(key, p, elsewhere.get(key));
      return d ? [[key, d] as const] : [];
    }),
  );
  const needMatching = prepared.filter(
    ({ key, prepared: p }) => !reused.has(key) && !(p.place.wikidataId && byQid.has(p.place.wikidataId)),
  );
  const results = await reconcilePlaces(
    db,
    needMatching.map((x) => x.prepared),
  );
  const matched = new Map(needMatching.map((x, i) => [x.key, results[i]!]));
  return prepared.map(({ key, prepared: p }) => {
    if (reused.has(key)) return reused.get(key)!;
    const known = p.place.wikidataId ? byQid.get(p.place.wikidataId) : undefined;
    if (known !== undefined)
      return {
        key,
        prepared: p,
        match: { method: 'wikidata-id', confidence: 1, doubtful: false },
        ref: { kind: 'locality', localityId: known },
      };
    const match = matched.get(key)!;
    return { key, prepared: p, match, ref: matchRef(key, match) };
  });
}

/** A decision matched to a GeoNames place. */
type GeonamesDecided = Decided & { ref: { kind: 'geonames'; geonamesId: number } };

/** Gives gazetteer matches to localities already in the registry under the same name and country (the bundled dataset's). */
async function adoptByName(
  db: Kysely<DB>,
  pending: GeonamesDecided[],
  ids: Map<string, number>,
): Promise<void> {
  const namesOf = (d: Decided): string[] => [
    foldText(d.match.candidate!.name),
    foldText(d.prepared.parsed.base),
  ];
  const found = await unidentifiedLocalitiesByName(db, pending.flatMap(namesOf));
  for (const d of pending) {
    const id = namesOf(d)
      .map((n) => found.get(`${d.match.candidate!.country}|${n}`))
      .find((x) => x !== undefined);
    if (id === undefined || ids.has(refKey(d))) continue;
    ids.set(refKey(d), id);
    await setGeonamesId(db, id, d.ref.geonamesId);
  }
}

/** A decision's reference as stored, the key its locality is found under. */
function refKey(d: Decided): string {
  return encodeMatchRef(d.ref);
}

async function localityForRefs(
  db: Kysely<DB>,
  decided: Decided[],
): Promise<{ ids: Map<string, number>; created: number }> {
  const ids = new Map<string, number>();
  for (const d of decided) if (d.ref.kind === 'locality') ids.set(refKey(d), d.ref.localityId);
  const onGeonames = decided.filter((d): d is GeonamesDecided => d.ref.kind === 'geonames');
  const geonames = onGeonames.map((d) => d.ref.geonamesId);
  for (const [gid, id] of await localityIdsBy(db, 'geonames_id', geonames))
    ids.set(encodeMatchRef({ kind: 'geonames', geonamesId: gid }), id);
  const others = decided.filter((d) => !ids.has(refKey(d)) && d.ref.kind !== 'geonames').map(refKey);
  for (const [ref, id] of await localityIdsByRef(db, others)) ids.set(ref, id);
  await adoptByName(
    db,
    onGeonames.filter((d) => !ids.has(refKey(d))),
    ids,
  );
  const taken = await allLocalityKeys(db);
  const fresh = new Map<string, NewLocalityRow>();
  for (const d of decided)
    if (!ids.has(refKey(d)) && !fresh.has(refKey(d)))
      fresh.set(refKey(d), newLocality(d.prepared, d.match, taken));
  const inserted = await insertLocalities(db, [...fresh.values()]);
  for (const [ref, row] of fresh) ids.set(ref, inserted.get(row.key)!);
  return { ids, created: fresh.size };
}

function sourcePlaceRow(sourceId: number, d: Decided, localityId: number): Omit<SourcePlacesTable, 'id'> {
  const { place } = d.prepared;
  const m = d.match;
  return {
    source_id: sourceId,
    place_key: d.key,
    name: place.name,
    country_text: place.country ?? place.countryCode ?? null,
    lat: place.lat ?? null,
    lon: place.lon ?? null,
    wikidata_id: place.wikidataId ?? null,
    locality_id: localityId,
    method: m.method,
    confidence: m.confidence,
    doubtful: m.doubtful ? 1 : 0,
    distance_km: m.distanceKm ?? null,
    matched_ref: d.ref.kind === 'locality' ? (d.matchedRef ?? null) : refKey(d),
    decided_by: null,
    decided_at: null,
  };
}

/**
 * Gives every place of a source a locality: places the source named before keep theirs (so re-imports
 * and fixes by hand stand); new ones are matched by Wikidata id or reconciled to the gazetteer, and
 * share a locality with anything else matched to the same gazetteer entry. Nothing is dropped.
 */
export async function resolveLocalities(
  db: Kysely<DB>,
  sourceId: number,
  places: ReadonlyMap<string, SourcePlace>,
): Promise<{ localityOf: Map<string, number>; summary: ResolveSummary }> {
  const existing = await sourcePlacesOf(db, sourceId);
  const localityOf = new Map<string, number>();
  for (const [key, stored] of existing) if (places.has(key)) localityOf.set(key, stored.localityId);
  const todo = [...places].filter(([key]) => !existing.has(key));
  const decided = await decide(db, todo);
  const { ids, created } = await localityForRefs(db, decided);
  const qids = new Map<number, string>();
  const rows = decided.map((d) => {
    const id = ids.get(refKey(d))!;
    localityOf.set(d.key, id);
    if (d.prepared.place.wikidataId) qids.set(id, d.prepared.place.wikidataId);
    return sourcePlaceRow(sourceId, d, id);
  });
  await fillWikidataIds(db, qids);
  await insertSourcePlaces(db, rows);
  const byMethod: Partial<Record<MatchMethod, number>> = {};
  for (const d of decided) byMethod[d.match.method] = (byMethod[d.match.method] ?? 0) + 1;
  return {
    localityOf,
    summary: {
      placesSeen: places.size,
      placesNew: decided.length,
      localitiesCreated: created,
      byMethod,
      unresolved: byMethod.unresolved ?? 0,
      doubtful: decided.filter((d) => d.match.doubtful).length,
    },
  };
}
