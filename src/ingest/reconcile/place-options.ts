import { distanceKm, type Point } from '../../core/geo.js';
import type { MatchResult } from './match-types.js';
import type { PreparedPlace } from './prepare-query.js';

/** The identity under which a match is shared across sources: the gazetteer entry, or the source's own place. */
export function refOfMatch(placeKey: string, m: MatchResult): string {
  const c = m.candidate;
  if (m.method === 'unresolved' || c === undefined) return `unresolved:${placeKey}`;
  if (m.method === 'parent') return `within:${c.id}:${placeKey}`;
  // A unit named after its seat is not the seat: every source's unit of that seat shares one locality.
  if (m.method === 'seat') return `seat:${c.id}`;
  return `${c.kind}:${c.id}`;
}

/** One thing a place may be: a match and its shared reference, with the locality that already has it. */
export interface PlaceOption {
  match: MatchResult;
  ref: string;
  localityId?: number;
  /** How many of the place's partners (by the source's statements) that locality is already linked to. */
  support: number;
  /** Its place in the matcher's ranking (0 = best); a locality found through a partner comes after them all. */
  rank: number;
  /** It lies beside one of the place's partners, where the source's own point places none of its namesakes. */
  besidePartner?: boolean;
}

/** A place to match together with the others of its import. */
export interface IdentityPlace {
  key: string;
  prepared: PreparedPlace;
}

/** What the collective matcher chose for a place; `localityId` when it is a locality already in the registry. */
export interface IdentityChoice {
  match: MatchResult;
  ref: string;
  localityId?: number;
}

/** What a locality is known to be by the registry: the Q-ids it holds, its partners. */
export interface RegistryEvidence {
  qidsOf: ReadonlyMap<number, ReadonlySet<string>>;
  partnersOf: ReadonlyMap<number, ReadonlySet<number>>;
}

/** An option's worth for the order in which a place's claims are settled: the matcher's confidence, raised by support. */
export function optionScore(o: PlaceOption): number {
  return o.match.confidence * (o.support > 0 ? 1.5 : 1);
}

/**
 * Options best first: one a partner supports (the pair as another source states it) first, then one beside a
 * partner, then the matcher's order.
 */
export function byPreference(a: PlaceOption, b: PlaceOption): number {
  return (
    Number(b.support > 0) - Number(a.support > 0) ||
    Number(b.besidePartner === true) - Number(a.besidePartner === true) ||
    a.rank - b.rank
  );
}

/** Where one of a place's partners lies: its own match (a gazetteer reference) or locality, and their point. */
export interface PartnerPoint {
  at: Point;
  ref?: string;
  localityId?: number;
}

/** Within this many kilometres of a partner, a namesake is taken to be the place twinned with it. */
export const BESIDE_PARTNER_KM = 50;

/** Methods by which a candidate bears the place's own name (not a spelling, a seat or a neighbour). */
const BY_NAME: ReadonlySet<MatchResult['method']> = new Set(['exact-name', 'alternate-name', 'qualified']);

/**
 * Marks the namesakes that lie beside one of the place's partners, for a place whose best match is doubtful
 * (its source's point lies far from it, or none says which namesake it is): of several places of its name in
 * its stated country, the one within 50 km of a partner is likelier the one twinned with it than one the
 * geocoder's point does not place either. The lists' "Gorzyce, Poland", twinned with Bohumín and Dolní
 * Lutyně on the Czech border, is Gorzyce in Silesia (5 km off), not Gorzyce near Sandomierz (the larger,
 * 290 km off), though the list geocoded it to neither. Nothing is marked where the best match is itself
 * beside a partner, or where no namesake is; a partner's own locality is never its namesake here.
 */
export function markBesidePartners(
  options: readonly PlaceOption[],
  countries: readonly string[] | undefined,
  partners: readonly PartnerPoint[],
): PlaceOption[] {
  const top = options.find((o) => o.rank === 0);
  if (top === undefined || !top.match.doubtful || countries === undefined || partners.length === 0)
    return [...options];
  const beside = (o: PlaceOption): boolean => {
    const c = o.match.candidate;
    if (c === undefined || c.lat === undefined || c.lon === undefined) return false;
    if (!BY_NAME.has(o.match.method) || !countries.includes(c.country)) return false;
    const at = { lat: c.lat, lon: c.lon };
    return partners.some(
      (p) =>
        p.ref !== o.ref &&
        (p.localityId === undefined || p.localityId !== o.localityId) &&
        distanceKm(at, p.at) <= BESIDE_PARTNER_KM,
    );
  };
  if (beside(top)) return [...options];
  return options.map((o) => (beside(o) ? { ...o, besidePartner: true } : o));
}

/**
 * Whether a place with Q-id `qid` may be the option: a Q-id names one place, so a locality holding another
 * Q-id (or a reference another Q-id of this import took) is some other place.
 */
export function optionFree(
  o: PlaceOption,
  qid: string | undefined,
  evidence: RegistryEvidence,
  claimed: ReadonlyMap<string, string>,
): boolean {
  if (qid === undefined) return true;
  const held = o.localityId === undefined ? undefined : evidence.qidsOf.get(o.localityId);
  if (held !== undefined && [...held].some((q) => q !== qid)) return false;
  const by =
    claimed.get(o.ref) ?? (o.localityId === undefined ? undefined : claimed.get(`locality:${o.localityId}`));
  return by === undefined || by === qid;
}

/**
 * The option to take: the best free one by score. A place that the evidence leaves thin (no country, no point,
 * no partner's support) and whose best option had to give way, or had a close rival, is marked doubtful.
 */
export function pickOption(
  options: readonly PlaceOption[],
  free: (o: PlaceOption) => boolean,
  unplaced: boolean,
): PlaceOption | undefined {
  const sorted = [...options].sort(byPreference);
  const chosen = sorted.find(free);
  if (chosen === undefined) return undefined;
  const displaced = sorted[0] !== chosen;
  if (chosen.support > 0) return { ...chosen, match: { ...chosen.match, doubtful: false } };
  if (unplaced && displaced) return { ...chosen, match: { ...chosen.match, doubtful: true } };
  return chosen;
}
