import type { Kysely } from 'kysely';
import { foldText } from '../../core/text-fold.js';
import {
  localitiesByFoldedName,
  localityPoints,
  partnersByLocality,
  qidsByLocality,
  type NamedLocality,
} from '../../store/identity.repository.js';
import { distanceKm } from '../../core/geo.js';
import { DOUBTFUL_KM } from './matcher.js';
import { localityIdsBy, localityIdsByRef } from '../../store/import.repository.js';
import type { DB } from '../../store/schema.js';
import type { MatchResult } from './match-types.js';
import type { PreparedPlace } from './prepare-query.js';
import {
  markBesidePartners,
  optionFree,
  optionScore,
  pickOption,
  refOfMatch,
  type IdentityChoice,
  type IdentityPlace,
  type PartnerPoint,
  type PlaceOption,
  type RegistryEvidence,
} from './place-options.js';
import { reconcilePlacesRanked } from './reconcile-places.js';
import { separateNamesakes } from './namesake-pairs.js';

/** How many of the matcher's ranked candidates a place keeps as options. */
const OPTIONS = 8;

/** A statement between two places of the import, by place key. */
export interface IdentityStatement {
  subject: string;
  object: string;
}

const UNRESOLVED: MatchResult = { method: 'unresolved', confidence: 0, doubtful: false };

/** The locality each reference already has in the registry (a GeoNames id, or another source's match). */
async function localitiesOfRefs(db: Kysely<DB>, refs: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const geonames = refs.filter((r) => r.startsWith('geonames:')).map((r) => Number(r.slice(9)));
  for (const [gid, id] of await localityIdsBy(db, 'geonames_id', geonames)) out.set(`geonames:${gid}`, id);
  const others = refs.filter((r) => !r.startsWith('geonames:') && !r.startsWith('unresolved:'));
  for (const [ref, id] of await localityIdsByRef(db, others)) if (!out.has(ref)) out.set(ref, id);
  return out;
}

/**
 * The places as the matcher should see them: a point the source gives several differently named places is
 * a geocoder's fallback (a region's centre), not where any of them lies, so they are matched without it.
 */
function withoutSharedPoints(places: readonly IdentityPlace[]): PreparedPlace[] {
  const at = (p: IdentityPlace): string => `${p.prepared.place.lat},${p.prepared.place.lon}`;
  const names = new Map<string, Set<string>>();
  for (const p of places)
    if (p.prepared.place.lat !== undefined)
      names.set(at(p), (names.get(at(p)) ?? new Set()).add(foldText(p.prepared.parsed.base)));
  return places.map((p) => {
    if ((names.get(at(p))?.size ?? 0) < 2) return p.prepared;
    const { lat: _lat, lon: _lon, ...place } = p.prepared.place;
    return { ...p.prepared, place };
  });
}

/** Each place's partners by the statements, as place keys. */
function partnerKeys(statements: readonly IdentityStatement[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (x: string, y: string): void => void out.set(x, (out.get(x) ?? new Set()).add(y));
  for (const s of statements) {
    if (s.subject === s.object) continue;
    add(s.subject, s.object);
    add(s.object, s.subject);
  }
  return out;
}

/**
 * Localities linked to one of the partners and named as the place is: the pair, as another source stated it.
 * Only in the place's own country, and near its own point, when the source gives them.
 */
function partnerNamed(
  place: IdentityPlace,
  partners: ReadonlySet<number>,
  evidence: RegistryEvidence,
  named: ReadonlyMap<string, readonly NamedLocality[]>,
): number[] {
  const bearers = named.get(foldText(place.prepared.parsed.base)) ?? [];
  const countries = place.prepared.country?.searchCountries;
  const { lat, lon } = place.prepared.place;
  return bearers
    .filter(
      (l) =>
        (!countries || (l.country !== null && countries.includes(l.country))) &&
        (lat === undefined ||
          lon === undefined ||
          (l.lat !== null &&
            l.lon !== null &&
            distanceKm({ lat, lon }, { lat: l.lat, lon: l.lon }) <= DOUBTFUL_KM)),
    )
    .map((l) => l.id)
    .filter((id) => [...partners].some((p) => evidence.partnersOf.get(p)?.has(id)));
}

/** How many of a place's partners a locality must already be linked to, to be taken for it under another name. */
const SHARED_PARTNERS = 2;

/**
 * Localities that lie within 25 km of a place's own point (Wikidata's, for its Q-id) and are already linked to
 * at least two of its partners: the same place as another source states its pairs, whatever its name there.
 * Only for a place its name leaves doubtful or unmatched (Wikidata 2026 names Estelí's Q-id "jinotepe", a
 * town 139 km off; the lists' Estelí, at that point, is already linked to Sheffield, Delft and Bielefeld).
 */
function partnersAt(
  place: IdentityPlace,
  best: MatchResult | undefined,
  partners: ReadonlySet<number>,
  evidence: RegistryEvidence,
  points: ReadonlyMap<number, NamedLocality>,
): number[] {
  const { lat, lon } = place.prepared.place;
  if (lat === undefined || lon === undefined || !nameLeavesOpen(place, best)) return [];
  const shared = new Map<number, number>();
  for (const p of partners)
    for (const id of evidence.partnersOf.get(p) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  return [...shared].flatMap(([id, n]) => {
    const at = points.get(id);
    if (n < SHARED_PARTNERS || at === undefined || at.lat === null || at.lon === null) return [];
    return distanceKm({ lat, lon }, { lat: at.lat, lon: at.lon }) <= DOUBTFUL_KM ? [id] : [];
  });
}

/**
 * The countries a place with nothing of its own to place it (no country, point or qualifier: a Wikidata 2016
 * label) is not in: those of its partners' localities that bear its name. Twinning by a shared name joins
 * places of two countries: of the 133 pairs of one name in the Wikipedia lists, 129 lie in two countries,
 * and two of the other four pair a place with itself. So the "Cleveland" twinned with Cleveland, Ohio is no
 * Cleveland of the United States.
 */
function namesakeCountries(
  place: IdentityPlace,
  partners: ReadonlySet<number>,
  named: ReadonlyMap<string, readonly NamedLocality[]>,
): Set<string> {
  if (!unplaced(place)) return new Set();
  const bearers = named.get(foldText(place.prepared.parsed.base)) ?? [];
  return new Set(bearers.flatMap((l) => (partners.has(l.id) && l.country !== null ? [l.country] : [])));
}

/** A place its source gives no country, point or qualifier. */
function unplaced(p: IdentityPlace): boolean {
  return (
    p.prepared.country === undefined &&
    p.prepared.place.lat === undefined &&
    p.prepared.parsed.hints.length === 0
  );
}

/** A place with its own point (a Q-id's) that its name matched doubtfully or not at all. */
function nameLeavesOpen(place: IdentityPlace, best: MatchResult | undefined): boolean {
  const p = place.prepared.place;
  if (p.lat === undefined || p.lon === undefined || p.wikidataId === undefined) return false;
  return best === undefined || best.method === 'unresolved' || best.doubtful;
}

/** The localities partnersAt may weigh: the partners' partners of the places their names leave open. */
function partnersAtCandidates(
  places: readonly IdentityPlace[],
  ranked: readonly MatchResult[][],
  partnerSets: readonly ReadonlySet<number>[],
  evidence: RegistryEvidence,
): number[] {
  const out = new Set<number>();
  places.forEach((p, i) => {
    if (!nameLeavesOpen(p, ranked[i]![0])) return;
    for (const partner of partnerSets[i]!)
      for (const id of evidence.partnersOf.get(partner) ?? []) out.add(id);
  });
  return [...out];
}

/** Whether a partner's support may count for a match: the place has no point of its own, or the match lies near it. */
function mayBeSupported(place: IdentityPlace, m: MatchResult): boolean {
  const { lat, lon } = place.prepared.place;
  if (lat === undefined || lon === undefined) return true;
  return m.distanceKm !== undefined && m.distanceKm <= DOUBTFUL_KM;
}

function optionsOf(
  place: IdentityPlace,
  ranked: readonly MatchResult[],
  partners: ReadonlySet<number>,
  refLocality: ReadonlyMap<string, number>,
  evidence: RegistryEvidence,
  named: ReadonlyMap<string, readonly NamedLocality[]>,
  points: ReadonlyMap<number, NamedLocality>,
): PlaceOption[] {
  const support = (id: number | undefined): number =>
    id === undefined ? 0 : [...partners].filter((p) => evidence.partnersOf.get(p)?.has(id)).length;
  const options: PlaceOption[] = ranked
    .filter((m) => m.method !== 'unresolved')
    .map((match, rank) => {
      const ref = refOfMatch(place.key, match);
      const localityId = refLocality.get(ref);
      return {
        match,
        ref,
        ...(localityId !== undefined ? { localityId } : {}),
        support: mayBeSupported(place, match) ? support(localityId) : 0,
        rank,
      };
    });
  const known = new Set(options.flatMap((o) => (o.localityId === undefined ? [] : [o.localityId])));
  const byPartners = [
    ...partnerNamed(place, partners, evidence, named),
    ...partnersAt(place, ranked[0], partners, evidence, points),
  ];
  for (const id of byPartners) {
    if (known.has(id)) continue;
    known.add(id);
    const match: MatchResult = { method: 'partner', confidence: 0.8, doubtful: false };
    options.push({ match, ref: `locality:${id}`, localityId: id, support: support(id), rank: ranked.length });
  }
  return options;
}

/**
 * Matches an import's new places together: each place's candidates come from the matcher, and the
 * registry's evidence weighs them. A candidate already linked to one of the place's partners (the pair as
 * another source states it) is preferred, and a locality so linked under the place's name is a candidate
 * itself; a Q-id takes no locality or reference that another Q-id holds, the strongest claim first; and
 * two places one statement pairs as different places (namesakes) never end as one. `settled` gives the
 * localities of the import's places already decided (a known Q-id, an earlier import), for partners;
 * `onProgress` hears how many places the matcher has ranked.
 */
export async function matchIdentities(
  db: Kysely<DB>,
  places: readonly IdentityPlace[],
  statements: readonly IdentityStatement[],
  settled: ReadonlyMap<string, number>,
  onProgress: (done: number) => void = () => undefined,
): Promise<Map<string, IdentityChoice>> {
  const ranked = (await reconcilePlacesRanked(db, withoutSharedPoints(places), onProgress)).map((r) =>
    r.slice(0, OPTIONS),
  );
  const refLocality = await localitiesOfRefs(
    db,
    places.flatMap((p, i) => ranked[i]!.map((m) => refOfMatch(p.key, m))),
  );
  const evidence: RegistryEvidence = {
    qidsOf: await qidsByLocality(db),
    partnersOf: await partnersByLocality(db),
  };
  const named = await localitiesByFoldedName(
    db,
    places.map((p) => foldText(p.prepared.parsed.base)),
  );
  const tentative = new Map(settled);
  places.forEach((p, i) => {
    const top = ranked[i]![0];
    const id = top && top.method !== 'unresolved' ? refLocality.get(refOfMatch(p.key, top)) : undefined;
    if (id !== undefined && !tentative.has(p.key)) tentative.set(p.key, id);
  });
  const partnerKeysOf = partnerKeys(statements);
  const partnerSets = places.map(
    (p) => new Set([...(partnerKeysOf.get(p.key) ?? [])].flatMap((k) => tentative.get(k) ?? [])),
  );
  const points = await localityPoints(db, [
    ...partnersAtCandidates(places, ranked, partnerSets, evidence),
    ...[...settled.values()],
  ]);
  const whereIs = partnerWhereabouts(places, ranked, settled, points);
  const optionLists = places.map((p, i) => {
    const abroad = namesakeCountries(p, partnerSets[i]!, named);
    const options = markBesidePartners(
      optionsOf(p, ranked[i]!, partnerSets[i]!, refLocality, evidence, named, points),
      p.prepared.country?.searchCountries,
      ranked[i]![0]?.doubtful
        ? [...(partnerKeysOf.get(p.key) ?? [])].flatMap((k) => whereIs.get(k) ?? [])
        : [],
    );
    const kept = options.filter(
      (o) => o.match.candidate === undefined || !abroad.has(o.match.candidate.country),
    );
    // What is left once its namesake's country is ruled out is a guess by the name alone: doubtful.
    return kept.length === options.length
      ? kept
      : kept.map((o) => (o.support > 0 ? o : { ...o, match: { ...o.match, doubtful: true } }));
  });
  const choices = claimInOrder(places, optionLists, ranked, evidence);
  return separateNamesakes(places, statements, optionLists, choices, settled);
}

/**
 * Where each place of the import lies, by place key, as far as it is sure: a settled place at its locality's
 * point, another at its best match's point when that match is not doubtful.
 */
function partnerWhereabouts(
  places: readonly IdentityPlace[],
  ranked: readonly MatchResult[][],
  settled: ReadonlyMap<string, number>,
  points: ReadonlyMap<number, NamedLocality>,
): Map<string, PartnerPoint> {
  const out = new Map<string, PartnerPoint>();
  for (const [key, id] of settled) {
    const at = points.get(id);
    if (at !== undefined && at.lat !== null && at.lon !== null)
      out.set(key, { at: { lat: at.lat, lon: at.lon }, localityId: id });
  }
  places.forEach((p, i) => {
    const top = ranked[i]![0];
    const c = top?.candidate;
    if (out.has(p.key) || top === undefined || top.doubtful || c?.lat === undefined || c.lon === undefined)
      return;
    out.set(p.key, { at: { lat: c.lat, lon: c.lon }, ref: refOfMatch(p.key, top) });
  });
  return out;
}

/** Gives each place its option, strongest first, so that a Q-id's best claim wins its locality. */
function claimInOrder(
  places: readonly IdentityPlace[],
  optionLists: readonly PlaceOption[][],
  ranked: readonly MatchResult[][],
  evidence: RegistryEvidence,
): Map<string, IdentityChoice> {
  const best = (i: number): number => Math.max(0, ...optionLists[i]!.map(optionScore));
  const order = places.map((_, i) => i).sort((x, y) => best(y) - best(x));
  const claimed = new Map<string, string>();
  const choices = new Map<string, IdentityChoice>();
  for (const i of order) {
    const p = places[i]!;
    const qid = p.prepared.place.wikidataId;
    const chosen = pickOption(optionLists[i]!, (o) => optionFree(o, qid, evidence, claimed), unplaced(p));
    if (chosen === undefined) {
      // Nothing free fits: the place's own locality (a parent match, or none), never another Q-id's.
      const fallback = ranked[i]!.find((m) => m.method === 'parent') ?? UNRESOLVED;
      choices.set(p.key, { match: fallback, ref: refOfMatch(p.key, fallback) });
      continue;
    }
    if (qid !== undefined) {
      claimed.set(chosen.ref, qid);
      if (chosen.localityId !== undefined) claimed.set(`locality:${chosen.localityId}`, qid);
    }
    choices.set(p.key, {
      match: chosen.match,
      ref: chosen.ref,
      ...(chosen.localityId !== undefined ? { localityId: chosen.localityId } : {}),
    });
  }
  return choices;
}
