import type { Kysely } from 'kysely';
import {
  allLocalityKeys,
  localityIdsBy,
  localityIdsByRef,
  unidentifiedLocalitiesByName,
} from '../../store/import.repository.js';
import {
  fillWikidataIds,
  insertLocalities,
  insertSourcePlaces,
  setGeonamesId,
  type NewLocalityRow,
} from '../../store/writes/import.js';
import type { DB, SourcePlacesTable } from '../../store/schema.js';
import type { AdoptBy, ImportPlan, PlaceTarget, PlannedPlace } from './import-plan.js';
import { uniqueKey } from './locality-key.js';

/** What placing a plan's places did: each place's locality, and the localities created and changed. */
export interface PlacedLocalities {
  localityOf: Map<string, number>;
  created: Set<number>;
  /** Existing localities the import gave a GeoNames or Wikidata id. */
  changed: Set<number>;
}

/** The reference under which places share a locality within this import. */
function refOf(target: PlaceTarget): string {
  return target.kind === 'locality' ? `locality:${target.localityId}` : target.ref;
}

/** Kinds of locality that a town (a gazetteer place) may be, and that a subdivision may be. */
const SCOPE_KINDS: Readonly<Record<AdoptBy['scope'], ReadonlySet<string>>> = {
  settlement: new Set(['village', 'town', 'city', 'municipality', 'district', 'other']),
  unit: new Set(['municipality', 'district', 'county', 'prefecture', 'province', 'state', 'region']),
};

/**
 * Gives gazetteer matches to localities already in the registry under the same name and country that no
 * source has matched yet (the bundled dataset's), of the same scope: bundled Jalisco, a state, is never a
 * village named Jalisco, and a city never takes its province's match.
 */
async function adoptByName(
  db: Kysely<DB>,
  pending: readonly PlannedPlace[],
  ids: Map<string, number>,
  changed: Set<number>,
): Promise<void> {
  const adopting = pending.flatMap((p) =>
    p.target.kind !== 'locality' && p.target.adopt ? [{ target: p.target, adopt: p.target.adopt }] : [],
  );
  const found = await unidentifiedLocalitiesByName(
    db,
    adopting.flatMap((t) => t.adopt.folded),
  );
  const taken = new Set<number>();
  for (const { target, adopt } of adopting) {
    if (ids.has(target.ref)) continue;
    const hit = adopt.folded
      .map((n) => found.get(`${adopt.country}|${n}`))
      .find((x) => x !== undefined && SCOPE_KINDS[adopt.scope].has(x.kind) && !taken.has(x.id));
    if (hit === undefined) continue;
    ids.set(target.ref, hit.id);
    taken.add(hit.id);
    if (target.kind === 'geonames') await setGeonamesId(db, hit.id, target.geonamesId);
    changed.add(hit.id);
  }
}

async function localityForRefs(
  db: Kysely<DB>,
  places: readonly PlannedPlace[],
  changed: Set<number>,
): Promise<{ ids: Map<string, number>; created: Set<number> }> {
  const ids = new Map<string, number>();
  for (const p of places) if (p.target.kind === 'locality') ids.set(refOf(p.target), p.target.localityId);
  const geonames = places.flatMap((p) => (p.target.kind === 'geonames' ? [p.target.geonamesId] : []));
  for (const [gid, id] of await localityIdsBy(db, 'geonames_id', geonames)) ids.set(`geonames:${gid}`, id);
  const others = places.filter((p) => p.target.kind === 'shared' && !ids.has(p.target.ref));
  for (const [ref, id] of await localityIdsByRef(
    db,
    others.map((p) => refOf(p.target)),
  ))
    ids.set(ref, id);
  await adoptByName(
    db,
    places.filter((p) => p.target.kind !== 'locality' && !ids.has(p.target.ref)),
    ids,
    changed,
  );
  const taken = await allLocalityKeys(db);
  const fresh = new Map<string, NewLocalityRow>();
  for (const { target } of places) {
    const ref = refOf(target);
    if (target.kind === 'locality' || ids.has(ref) || fresh.has(ref)) continue;
    const { keyName, ...row } = target.create;
    fresh.set(ref, { ...row, key: uniqueKey(keyName, row.country ?? undefined, taken, row.subdivision) });
  }
  const inserted = await insertLocalities(db, [...fresh.values()]);
  const created = new Set<number>();
  for (const [ref, row] of fresh) {
    const id = inserted.get(row.key)!;
    ids.set(ref, id);
    created.add(id);
  }
  return { ids, created };
}

function sourcePlaceRow(
  sourceId: number,
  p: PlannedPlace,
  localityId: number,
): Omit<SourcePlacesTable, 'id'> {
  const m = p.match;
  return {
    source_id: sourceId,
    place_key: p.key,
    name: p.name,
    country_text: p.countryText,
    lat: p.lat,
    lon: p.lon,
    wikidata_id: p.wikidataId,
    locality_id: localityId,
    method: m.method,
    confidence: m.confidence,
    doubtful: m.doubtful ? 1 : 0,
    distance_km: m.distanceKm ?? null,
    matched_ref: p.target.kind === 'locality' ? p.target.matchedRef : p.target.ref,
    decided_by: null,
    decided_at: null,
  };
}

/**
 * Gives every place of a plan a locality: places the source named before keep theirs; new ones go to the
 * locality their target names, to one already matched to the same gazetteer entry or shared reference, or
 * to a new locality. Records each new place's match (source_places). Nothing is dropped.
 */
export async function placeLocalities(
  db: Kysely<DB>,
  sourceId: number,
  plan: ImportPlan,
): Promise<PlacedLocalities> {
  const localityOf = new Map(plan.known);
  const changed = new Set<number>();
  const { ids, created } = await localityForRefs(db, plan.places, changed);
  const qids = new Map<number, string>();
  const rows = plan.places.map((p) => {
    const id = ids.get(refOf(p.target))!;
    localityOf.set(p.key, id);
    if (p.wikidataId) qids.set(id, p.wikidataId);
    return sourcePlaceRow(sourceId, p, id);
  });
  for (const id of await fillWikidataIds(db, qids)) if (!created.has(id)) changed.add(id);
  await insertSourcePlaces(db, rows);
  return { localityOf, created, changed };
}
