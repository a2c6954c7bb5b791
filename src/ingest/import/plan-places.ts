import type { Kysely } from 'kysely';
import { encodeMatchRef } from '../../core/match-ref.js';
import { foldText } from '../../core/text-fold.js';
import type { PlaceTarget, PlannedPlace } from '../../registry/import/import-plan.js';
import { localityIdsBy, matchesByPlaceKey, sourcePlacesOf } from '../../store/import.repository.js';
import type { DB, SourcePlacesTable } from '../../store/schema.js';
import type { MatchMethod, MatchResult } from '../reconcile/match-types.js';
import { preparePlace, type PreparedPlace } from '../reconcile/prepare-query.js';
import { matchIdentities, type IdentityStatement } from '../reconcile/identity.js';
import type { SourcePlace } from '../sources/records.js';
import { matchRef, newLocality } from './new-locality.js';
import { SILENT, type Progress } from '../progress.js';

/** What matching a source's places did. */
export interface ResolveSummary {
  placesSeen: number;
  placesNew: number;
  localitiesCreated: number;
  byMethod: Partial<Record<MatchMethod, number>>;
  unresolved: number;
  doubtful: number;
}

/** A match another source made for a place written the same way, as stored. */
export type OtherSourceMatch = Pick<
  SourcePlacesTable,
  'locality_id' | 'method' | 'confidence' | 'doubtful' | 'distance_km' | 'matched_ref'
>;

/** What is known about a new place before it is planned: a locality with its Q-id, another source's match, or the matcher's. */
export interface PlaceEvidence {
  localityOfQid?: number;
  elsewhere?: OtherSourceMatch;
  match?: MatchResult;
  /** A locality the collective matcher named directly (`partner`: linked to a partner under this name). */
  localityId?: number;
}

/** Whether a place needs the matcher: no other source's match to reuse and no locality with its Q-id. */
export function needsMatching(p: PreparedPlace, evidence: PlaceEvidence): boolean {
  return reusable(p, evidence.elsewhere) === undefined && evidence.localityOfQid === undefined;
}

function reusable(p: PreparedPlace, other: OtherSourceMatch | undefined): OtherSourceMatch | undefined {
  return other === undefined || p.place.wikidataId ? undefined : other;
}

function targetOf(key: string, p: PreparedPlace, match: MatchResult): PlaceTarget {
  const typed = matchRef(key, match);
  const ref = encodeMatchRef(typed);
  const c = match.candidate;
  const folded = c === undefined ? [] : [foldText(c.name), foldText(p.parsed.base)];
  if (typed.kind === 'geonames' && c !== undefined)
    return {
      kind: 'geonames',
      ref,
      geonamesId: typed.geonamesId,
      adopt: { country: c.country, folded, scope: 'settlement' },
      create: newLocality(p, match),
    };
  // A subdivision may be a bundled unit (Jalisco, Guangdong, Nerima).
  if (typed.kind === 'subdivision' && c !== undefined)
    return {
      kind: 'shared',
      ref,
      adopt: { country: c.country, folded, scope: 'unit' },
      create: newLocality(p, match),
    };
  // A place the gazetteer lacks may still be a bundled one (Dull, Scotland; Boring, Oregon).
  const country = p.country?.country;
  if (typed.kind === 'unresolved' && country !== undefined) {
    const scope = p.adminUnit ? 'unit' : 'settlement';
    const adopt = { country, folded: [foldText(p.parsed.base)], scope } as const;
    return { kind: 'shared', ref, adopt, create: newLocality(p, match) };
  }
  return { kind: 'shared', ref, create: newLocality(p, match) };
}

/**
 * Plans one new place from what is known about it (pure): another source's match for the same spelling is
 * reused, a locality with its Q-id is taken as it, else the matcher's result decides the target.
 */
export function planPlace(key: string, p: PreparedPlace, evidence: PlaceEvidence): PlannedPlace {
  const facts = {
    key,
    name: p.place.name,
    countryText: p.place.country ?? p.place.countryCode ?? null,
    lat: p.place.lat ?? null,
    lon: p.place.lon ?? null,
    wikidataId: p.place.wikidataId ?? null,
  };
  const other = reusable(p, evidence.elsewhere);
  if (other !== undefined) {
    const match: MatchResult = {
      method: other.method as MatchMethod,
      confidence: other.confidence,
      doubtful: other.doubtful === 1,
      ...(other.distance_km !== null ? { distanceKm: other.distance_km } : {}),
    };
    return {
      ...facts,
      match,
      target: { kind: 'locality', localityId: other.locality_id, matchedRef: other.matched_ref },
    };
  }
  if (evidence.localityOfQid !== undefined) {
    const match: MatchResult = { method: 'wikidata-id', confidence: 1, doubtful: false };
    return {
      ...facts,
      match,
      target: { kind: 'locality', localityId: evidence.localityOfQid, matchedRef: null },
    };
  }
  const match = evidence.match!;
  if (match.method === 'partner' && evidence.localityId !== undefined)
    return {
      ...facts,
      match,
      target: { kind: 'locality', localityId: evidence.localityId, matchedRef: null },
    };
  return { ...facts, match, target: targetOf(key, p, match) };
}

async function planNew(
  db: Kysely<DB>,
  todo: [string, SourcePlace][],
  statements: readonly IdentityStatement[],
  known: ReadonlyMap<string, number>,
  matching?: (places: number) => Progress,
): Promise<PlannedPlace[]> {
  const byQid = await localityIdsBy(
    db,
    'wikidata_id',
    todo.flatMap(([, p]) => (p.wikidataId ? [p.wikidataId] : [])),
  );
  const elsewhere = await matchesByPlaceKey(
    db,
    todo.filter(([, p]) => !p.wikidataId).map(([key]) => key),
  );
  const settled = new Map(known);
  const gathered = todo.map(([key, place]) => {
    const prepared = preparePlace(place);
    const localityOfQid = place.wikidataId ? byQid.get(place.wikidataId) : undefined;
    const evidence: PlaceEvidence = {
      ...(localityOfQid !== undefined ? { localityOfQid } : {}),
      ...(elsewhere.has(key) ? { elsewhere: elsewhere.get(key)! } : {}),
    };
    const reused = reusable(prepared, evidence.elsewhere)?.locality_id ?? localityOfQid;
    if (reused !== undefined) settled.set(key, reused);
    return { key, prepared, evidence };
  });
  const needMatching = gathered.filter((g) => needsMatching(g.prepared, g.evidence));
  const progress = matching?.(needMatching.length) ?? SILENT;
  const choices = await matchIdentities(db, needMatching, statements, settled, (n) => progress.tick(n));
  for (const g of needMatching) {
    const choice = choices.get(g.key)!;
    g.evidence.match = choice.match;
    if (choice.localityId !== undefined) g.evidence.localityId = choice.localityId;
  }
  progress.done(needMatching.length);
  return gathered.map((g) => planPlace(g.key, g.prepared, g.evidence));
}

/** How a plan's new places were matched, by method, for the summary. */
export function matchSummary(
  placesSeen: number,
  places: readonly PlannedPlace[],
): Omit<ResolveSummary, 'localitiesCreated'> {
  const byMethod: Partial<Record<MatchMethod, number>> = {};
  for (const p of places) {
    const method = p.match.method as MatchMethod;
    byMethod[method] = (byMethod[method] ?? 0) + 1;
  }
  return {
    placesSeen,
    placesNew: places.length,
    byMethod,
    unresolved: byMethod.unresolved ?? 0,
    doubtful: places.filter((p) => p.match.doubtful).length,
  };
}

/**
 * Plans the places of a source: places it named before keep their localities (so re-imports and fixes by
 * hand stand); new ones are matched by Wikidata id, by another source's match, or reconciled to the gazetteer
 * together, the statements between them informing both ends (matchIdentities).
 * Only reads the database. `matching` reports the reconciliation.
 */
export async function planPlaces(
  db: Kysely<DB>,
  sourceId: number | undefined,
  places: ReadonlyMap<string, SourcePlace>,
  statements: readonly IdentityStatement[] = [],
  matching?: (places: number) => Progress,
): Promise<{ known: Map<string, number>; planned: PlannedPlace[] }> {
  const existing = sourceId === undefined ? new Map() : await sourcePlacesOf(db, sourceId);
  const known = new Map<string, number>();
  for (const [key, stored] of existing) if (places.has(key)) known.set(key, stored.localityId);
  const todo = [...places].filter(([key]) => !existing.has(key));
  return { known, planned: await planNew(db, todo, statements, known, matching) };
}
