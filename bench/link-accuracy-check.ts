import { distanceKm, type Point } from '../src/core/geo.js';
import type { SourcePlace } from '../src/ingest/sources/records.js';
import type { PointUnits, Registry } from './identity-stats.js';
import { placeKey } from '../src/ingest/import/collect.js';
import { parsePlaceName } from '../src/ingest/reconcile/place-name.js';
import {
  kmFrom,
  inStatedCountry,
  listAliasesOf,
  nameKey,
  pointKey,
  statedCountry,
  wikidataTwin,
  type SourceFacts,
} from './source-facts.js';

/** How one end of a link fares against what the sources stating the link say about that place. */
export type EndVerdict = 'right' | 'wrong' | 'uncheckable';

/** One sampled link and the verdict on each end. */
export interface SampledLink {
  a: string;
  b: string;
  sources: string[];
  verdicts: [EndVerdict, EndVerdict];
  why: string[];
  /** Every wrong end was flagged doubtful by the import (a person is told to check it), none silently taken. */
  flagged: boolean;
}

/** A source's place at one end of a link, and whether the import flagged its match doubtful. */
interface EndPlace {
  place: SourcePlace;
  doubtful: boolean;
}

/** A small seeded generator (mulberry32), so that a sample can be drawn again. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A number in [0, 1) for a text under a seed: the same text draws the same number whatever else the registry
 * holds, so a sample ordered by it changes only where links change.
 */
function draw(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return seededRandom(h)();
}

/** Each source's places at either end of each link, by `lowId|highId`, keyed by the locality they became. */
function placesByLink(reg: Registry, facts: SourceFacts): Map<string, Map<number, EndPlace[]>> {
  const doubtful = new Set(
    reg.places.filter((p) => p.doubtful === 1).map((p) => `${p.source}|${p.place_key}`),
  );
  const out = new Map<string, Map<number, EndPlace[]>>();
  for (const [source, collected] of facts.bySource) {
    for (const s of collected.statements) {
      const x = reg.localityOf.get(`${source}|${s.subject}`);
      const y = reg.localityOf.get(`${source}|${s.object}`);
      if (x === undefined || y === undefined || x === y) continue;
      const end = (key: string): EndPlace => ({
        place: collected.places.get(key)!,
        doubtful: doubtful.has(`${source}|${key}`),
      });
      const ends = out.get(`${Math.min(x, y)}|${Math.max(x, y)}`) ?? new Map<number, EndPlace[]>();
      ends.set(x, [...(ends.get(x) ?? []), end(s.subject)]);
      ends.set(y, [...(ends.get(y) ?? []), end(s.object)]);
      out.set(`${Math.min(x, y)}|${Math.max(x, y)}`, ends);
    }
  }
  return out;
}

/** Why the check sets a list's own point aside as no evidence of where its place lies. */
export type SetAsideRule = 'shared' | 'abroad' | 'coarse' | 'unit';

/**
 * A check's rules for a list's own point (the geocoder's pick from the name and country, not the list's
 * statement): which points it sets aside, and which of those leave an end that Wikidata 2026 cannot judge
 * uncheckable instead of judged by the stated country.
 */
export interface CheckRules {
  name: string;
  setAside: readonly SetAsideRule[];
  uncheckableWhenSetAside: readonly SetAsideRule[];
  /** Further readings of a list's place that only add references (session 13); none if absent. */
  readings?: readonly Reading[];
}

/**
 * Further readings of a list's place, each of which only adds a reference point, so that it can turn a wrong
 * end right and never a right one wrong (`seat` and `partner` only where Wikidata 2026's one place of the name
 * does not confirm the list's point):
 * - `seat`: a point that is no place of the name's, in the first-level unit of the country's one gazetteer seat
 *   of a first- or second-level unit of that name and within 100 km of it, is taken for the seat's unit, and
 *   the seat is a reference;
 * - `alias`: the list's other spellings of a qualified place ("Žagarė (Joniškis)" for "Joniškis – Žagarė")
 *   lend it their points;
 * - `partner`: a point with no place of the name within 25 km, of a place the list pairs with partners
 *   across a border, is a namesake's; the one gazetteer place of the name in the stated country within 100 km
 *   of such a partner's point is a reference beside it.
 */
export type Reading = 'seat' | 'alias' | 'partner';

/** Session 8's check: shared and abroad points set aside, such an end judged by the stated country. */
export const SESSION8_CHECK: CheckRules = {
  name: "session 8's check",
  setAside: ['shared', 'abroad'],
  uncheckableWhenSetAside: [],
};

/**
 * Session 9's check: a point given to whole tenths of a degree in both coordinates (an area's centre or a
 * rounding: "Sestu" at 40, 9, Sardinia's middle) is set aside as a shared one is, and the end is judged as a
 * place without a point (Wikidata 2026's one place of its name and country, else the stated country, which the
 * point does not contradict). A point that lies in another country than the list states contradicts the list's
 * own country: one of the two is wrong ("Lengede, Italy" at Lengede in Germany; "Zug, Western Sahara" at Zug in
 * Switzerland), so neither is evidence, and such an end is judged by Wikidata 2026 alone or is uncheckable.
 */
export const SESSION9_CHECK: CheckRules = {
  name: "session 9's check",
  setAside: ['shared', 'abroad', 'coarse'],
  uncheckableWhenSetAside: ['abroad'],
};

/**
 * Session 10's check: a point where the geocoder found a unit named after the place rather than a place of
 * the name (the gazetteer place nearest the point lies in a first- or second-level unit of the place's name, and
 * no gazetteer place bearing the name lies within 25 km of it: "Franklin, United States" at Mount Vernon in
 * Franklin County, Texas; "Shawnee" at Topeka in Shawnee County) is the unit's point. The list may mean the
 * unit, so a match within 25 km of it stays right; but it says nothing of which town of the name the list
 * means, so a match far from it is judged as an end without a point: by Wikidata 2026's one place of the name
 * and country where there is one (a match far from both stays wrong), else by the stated country. Read from
 * the list's name and point and the gazetteer alone, never the match; it can only turn wrong ends right.
 */
export const SESSION10_CHECK: CheckRules = {
  name: "session 10's check",
  setAside: ['shared', 'abroad', 'coarse', 'unit'],
  uncheckableWhenSetAside: ['abroad'],
};

/**
 * This check (session 13): session 10's, with two readings that only add evidence (`Reading`). A point with no
 * place of the name within 25 km, in the first-level unit of the country's one gazetteer seat of a first- or
 * second-level unit bearing the name and within 100 km of it, is the seat's unit's ("Shahin Shahr, Iran" at the
 * middle of Shahin Shahr and Meymeh County, 65 km from the city, a PPLA2), so the seat is a reference beside the
 * point; and a qualified place's other spellings in the list lend it their points ("Joniškis – Žagarė",
 * geocoded to Šiauliai, is "Žagarė (Joniškis)" at Žagarė). Read from the list's names and points and the
 * gazetteer, never the match.
 */
export const CHECK: CheckRules = {
  ...SESSION10_CHECK,
  name: 'this check',
  readings: ['seat', 'alias', 'partner'],
};

/** How near a place of the name must lie to a point for the point to be taken as that place's, not its unit's. */
const UNIT_POINT_KM = 25;

/** How far from its seat a point may lie and still be taken for the seat's unit's (a county's or district's middle). */
const SEAT_UNIT_KM = 100;

/**
 * Whether a list's point is a unit's named after the place (the geocoder took "Franklin" for Franklin County):
 * the nearest gazetteer place lies in a first- or second-level unit of the place's name, and no gazetteer place
 * of that name lies within 25 km.
 */
export function unitPoint(p: SourcePlace, point: Point, units: PointUnits): boolean {
  const key = nameKey(p);
  return units.unitKeysAt(point).includes(key) && !units.namedWithin(point, key, UNIT_POINT_KM);
}

/**
 * The seat whose unit a list's point is taken for, if any: no gazetteer place of the place's name lies within
 * 25 km of the point, the gazetteer has one seat of a first- or second-level unit (PPLA, PPLA2) bearing that
 * name in the stated country, and the point lies in the seat's first-level unit (by the gazetteer place nearest
 * it) within 100 km of the seat. The geocoder took the name for the unit named after its seat ("Shahin Shahr" for its county's middle).
 */
export function seatUnitPoint(p: SourcePlace, point: Point, units: PointUnits): Point | undefined {
  const country = statedCountry(p)?.country;
  if (country === undefined || units.seatsNamed === undefined || units.admin1At === undefined)
    return undefined;
  const key = nameKey(p);
  const seats = units.seatsNamed(key, country);
  if (seats.length !== 1 || units.namedWithin(point, key, UNIT_POINT_KM)) return undefined;
  const seat = seats[0]!;
  return seat.admin1 === units.admin1At(point) && distanceKm(seat, point) <= SEAT_UNIT_KM
    ? { lat: seat.lat, lon: seat.lon }
    : undefined;
}

/** How near a partner across a border the place of the name must lie to be taken for the list's place. */
const PARTNER_KM = 100;

/**
 * The place a list's place is by its partners, if any: the name is unqualified, no gazetteer place of it lies
 * within 25 km of the list's point (the geocoder's namesake, which GeoNames' towns of 500 lack), and the
 * gazetteer has one place of the name in the stated country within 100 km of the list's point for a partner
 * in another country and of another name (a namesake pair, Lengnau–Lengnau, says nothing). Neighbours across
 * a border twin: "Pawłowice, Poland", geocoded to a village in Masovia, is paired with Teplička nad Váhom,
 * Slovakia, 82 km from the gazetteer's one Pawłowice, in Silesia.
 */
export function partnerPlace(
  p: SourcePlace,
  point: Point,
  facts: SourceFacts,
  units: PointUnits,
): Point | undefined {
  const country = statedCountry(p)?.country;
  const key = nameKey(p);
  if (country === undefined || units.placesNamed === undefined || parsePlaceName(p.name).hints.length > 0)
    return undefined;
  if (units.namedWithin(point, key, UNIT_POINT_KM)) return undefined;
  const partners = (facts.listPartners.get(placeKey(p)) ?? []).flatMap((q): Point[] => {
    const theirs = statedCountry(q)?.country;
    if (theirs === undefined || theirs === country || nameKey(q) === key) return [];
    if (q.lat === undefined || q.lon === undefined || facts.sharedPoints.has(pointKey(q))) return [];
    const at = { lat: q.lat, lon: q.lon };
    return coarsePoint(at) ? [] : [at];
  });
  const near = units
    .placesNamed(key, country)
    .filter((g) => partners.some((q) => distanceKm(q, g) <= PARTNER_KM));
  return near.length === 1 ? near[0] : undefined;
}

/** Whether both coordinates are given to at most one decimal (40, 9 or 37.5, 14: ±5 km at best, often an area's centre). */
export function coarsePoint(p: Point): boolean {
  const tenths = (x: number): boolean => Math.abs(x * 10 - Math.round(x * 10)) < 1e-6;
  return tenths(p.lat) && tenths(p.lon);
}

/**
 * A list place's own point, or the rule that sets it aside; a unit's point (`unit`) is returned with its rule,
 * for it is evidence for the unit but not against a town of the name.
 */
function ownListPoint(
  p: SourcePlace,
  facts: SourceFacts,
  countryAt: Registry['countryAt'],
  rules: CheckRules,
  units: PointUnits | undefined,
): { point?: Point; setAside?: SetAsideRule; seat?: Point; partner?: Point } {
  // The raw list names the same places as the geocoded one, without points.
  const at =
    p.lat === undefined ? facts.bySource.get('wikipedia-lists-geocoded')!.places.get(placeKey(p)) : p;
  if (at?.lat === undefined || at.lon === undefined) return {};
  const point = { lat: at.lat, lon: at.lon };
  const applies = (rule: SetAsideRule): boolean => rules.setAside.includes(rule);
  if (applies('shared') && facts.sharedPoints.has(pointKey(at))) return { setAside: 'shared' };
  // A list's point that lies in another country than the list states contradicts the list itself (the
  // geocoder took a namesake abroad: "São Pedro do Sul, Portugal" at a point in Brazil): not evidence.
  const stated = statedCountry(p)?.country;
  const country = countryAt(point);
  if (applies('abroad') && stated !== undefined && country !== undefined && !inStatedCountry(country, stated))
    return { setAside: 'abroad' };
  if (applies('coarse') && coarsePoint(point)) return { setAside: 'coarse' };
  // A point that Wikidata 2026's one place of the name confirms (within 25 km) is the place's: no reading adds
  // another (the lists' Rhodes and Wikidata's Q43048 both lie at the island's middle, 40 km from Rhodes town).
  const twin = wikidataTwin(p, facts);
  const confirmed = twin !== undefined && distanceKm(facts.qidFacts.get(twin)!, point) <= UNIT_POINT_KM;
  const reads = (r: Reading): boolean => !confirmed && (rules.readings?.includes(r) ?? false);
  // The seat whose unit the point is taken for, or the place its partners across a border ring, is a
  // reference beside the point.
  const seatPoint = reads('seat') && units !== undefined ? seatUnitPoint(p, point, units) : undefined;
  const partnerPoint =
    reads('partner') && units !== undefined ? partnerPlace(p, point, facts, units) : undefined;
  const seat = {
    ...(seatPoint ? { seat: seatPoint } : {}),
    ...(partnerPoint ? { partner: partnerPoint } : {}),
  };
  // A unit's point is kept: the list may mean the unit, and a match at it is right.
  if (applies('unit') && units !== undefined && unitPoint(p, point, units))
    return { point, setAside: 'unit', ...seat };
  return { point, ...seat };
}

/**
 * Judges a locality against the places the sources put at that end: Wikidata 2026's point for a Q-id (every
 * one within 25 km); for a list's place, its own point (unless a rule sets it aside) or the point of the one
 * Wikidata 2026 place of its unqualified name (its 2026 name or 2016 label) and country (one within 25 km);
 * else, or where the locality has no point, the country (Wikidata 2026's for a Q-id, else the stated one, a
 * territory of it included), unless a rule that leaves such an end uncheckable set its point aside;
 * uncheckable when none says anything. `rules` says which list points are set aside (this check by default);
 * `units` is the gazetteer around a point, without which no point is set aside as a unit's.
 */
export function judgeEnd(
  loc: { key: string; country: string | null; lat: number | null; lon: number | null },
  places: readonly SourcePlace[],
  facts: SourceFacts,
  countryAt: Registry['countryAt'],
  rules: CheckRules = CHECK,
  units?: PointUnits,
): { verdict: EndVerdict; why?: string } {
  const byQid = places.flatMap((p): Point[] => {
    const f = p.wikidataId ? facts.qidFacts.get(p.wikidataId) : undefined;
    return f ? [f] : [];
  });
  // A list's place: its own point (unless a rule sets it aside) and the point of the one Wikidata 2026 place
  // of its name and country; either may be the geocoder's or the namesake's slip.
  let setAsideUncheckable = false;
  // Whether every point of the list's places is a unit's named after the place, with no Wikidata place of the
  // name beside it: a match far from it is then judged by the country (the point says nothing against a town).
  let unitPointsOnly = true;
  const listed = places.flatMap((p): Point[] => {
    if (p.wikidataId) return [];
    const twin = wikidataTwin(p, facts);
    const own = ownListPoint(p, facts, countryAt, rules, units);
    if (own.setAside !== undefined && rules.uncheckableWhenSetAside.includes(own.setAside))
      setAsideUncheckable = true;
    if (twin !== undefined || (own.point !== undefined && own.setAside !== 'unit')) unitPointsOnly = false;
    // A reading's points (a seat, another spelling's point) only add references: a match near one is right,
    // a match far from all is judged as without them.
    const aliases = rules.readings?.includes('alias')
      ? listAliasesOf(p, facts).flatMap((q): Point[] => {
          const theirs = ownListPoint(q, facts, countryAt, rules, units);
          return theirs.point && theirs.setAside === undefined ? [theirs.point] : [];
        })
      : [];
    return [
      ...(own.point ? [own.point] : []),
      ...(twin ? [facts.qidFacts.get(twin)!] : []),
      ...(own.seat ? [own.seat] : []),
      ...(own.partner ? [own.partner] : []),
      ...aliases,
    ];
  });
  const kms = (points: Point[]): number[] => points.map((p) => kmFrom(loc, p) ?? Infinity);
  const names = places.map((p) => p.name).join(' / ');
  // A locality without a point (a bundled one: Dull, Boring, Guangdong) can only be judged by its country.
  const located = loc.lat !== null && loc.lon !== null;
  if (located && byQid.length > 0) {
    const worst = Math.max(...kms(byQid));
    return worst <= 25
      ? { verdict: 'right' }
      : { verdict: 'wrong', why: `${names} → ${loc.key}: ${worst.toFixed(0)} km from Wikidata's point` };
  }
  if (located && listed.length > 0) {
    const best = Math.min(...kms(listed));
    if (best <= 25) return { verdict: 'right' };
    if (!unitPointsOnly || byQid.length > 0)
      return { verdict: 'wrong', why: `${names} → ${loc.key}: ${best.toFixed(0)} km from the list's point` };
  }
  if (byQid.length === 0 && setAsideUncheckable) return { verdict: 'uncheckable' };
  const countries = new Set(
    places.flatMap((p) => {
      const byId = p.wikidataId ? facts.qidFacts.get(p.wikidataId)?.country : undefined;
      return byId ?? statedCountry(p)?.country ?? [];
    }),
  );
  if (countries.size === 0) return { verdict: 'uncheckable' };
  return loc.country !== null && [...countries].some((c) => inStatedCountry(loc.country!, c))
    ? { verdict: 'right' }
    : {
        verdict: 'wrong',
        why: `${names} → ${loc.key}: country ${loc.country} not ${[...countries].join('/')}`,
      };
}

/**
 * Draws `size` links stated by an imported source (seeded), and checks both ends of each against the
 * coordinates and countries the sources stating it give for those places. Each link draws its place in the
 * order from its two localities' keys and the seed, so a change that adds or removes a few links leaves the
 * rest of the sample as it was (a shuffle of the whole list redrew every link when the count changed by one).
 */
export function sampleLinkAccuracy(
  reg: Registry,
  facts: SourceFacts,
  seed: number,
  size: number,
  rules: CheckRules = CHECK,
) {
  const keyOf = (pair: string): string =>
    pair
      .split('|')
      .map((id) => reg.localities.get(Number(id))!.key)
      .sort()
      .join('|');
  const candidates = [...reg.links]
    .filter(([, l]) => l.sources.size > 0)
    .map((entry) => ({ entry, rank: draw(keyOf(entry[0]), seed) }))
    .sort((x, y) => x.rank - y.rank)
    .map((x) => x.entry);
  const ends = placesByLink(reg, facts);
  const sample: SampledLink[] = candidates.slice(0, size).map(([pair, l]) => {
    const [x, y] = pair.split('|').map(Number) as [number, number];
    const byEnd = ends.get(pair) ?? new Map<number, EndPlace[]>();
    const judged = [x, y].map((id) => {
      const at = byEnd.get(id) ?? [];
      const j = judgeEnd(
        reg.localities.get(id)!,
        at.map((e) => e.place),
        facts,
        reg.countryAt,
        rules,
        reg.units,
      );
      return { ...j, flagged: at.some((e) => e.doubtful) };
    });
    return {
      a: reg.localities.get(x)!.key,
      b: reg.localities.get(y)!.key,
      sources: [...l.sources],
      verdicts: [judged[0]!.verdict, judged[1]!.verdict],
      why: judged.flatMap((j) => (j.why ? [j.why] : [])),
      flagged: judged.every((j) => j.verdict !== 'wrong' || j.flagged),
    };
  });
  const checkable = sample.filter((s) => !s.verdicts.includes('uncheckable'));
  const right = checkable.filter((s) => s.verdicts.every((v) => v === 'right'));
  const halfChecked = sample.filter(
    (s) => s.verdicts.includes('uncheckable') && !s.verdicts.includes('wrong'),
  );
  return {
    population: candidates.length,
    sample,
    checkable: checkable.length,
    bothRight: right.length,
    /** Links with one end unchecked and the other right. */
    halfChecked: halfChecked.length,
    wrong: sample.filter((s) => s.verdicts.includes('wrong')),
    /** Checkable links with no wrong end that the import took without flagging it doubtful. */
    noSilentError: checkable.filter((s) => s.flagged).length,
  };
}

/** A sampled link's verdict as the figure counts it: checkable and right, checkable and wrong, or not checkable. */
export type LinkVerdict = 'right' | 'wrong' | 'uncheckable';

/** Each sampled link's verdict, by its two localities' keys (so that two registries' samples can be compared). */
export function linkVerdicts(sample: readonly SampledLink[]): Map<string, LinkVerdict> {
  return new Map(
    sample.map((s): [string, LinkVerdict] => [
      [s.a, s.b].sort().join('|'),
      s.verdicts.includes('uncheckable') ? 'uncheckable' : s.verdicts.includes('wrong') ? 'wrong' : 'right',
    ]),
  );
}

/**
 * How links move between two verdicts (two checks of one registry, or one check of two registries):
 * `from→to` counts, links present on one side only as `absent`.
 */
export function verdictMovement(
  before: ReadonlyMap<string, LinkVerdict>,
  after: ReadonlyMap<string, LinkVerdict>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(key) ?? 'absent';
    const to = after.get(key) ?? 'absent';
    if (from === to) continue;
    out.set(`${from}→${to}`, (out.get(`${from}→${to}`) ?? 0) + 1);
  }
  return out;
}

/**
 * How far the check's own reference for a list's place can be trusted where it disagrees with the match: of the
 * list places matched more than 25 km from the list's point (the geocoder's pick from the name and country)
 * whose name and country only one Wikidata 2026 place bears, how many lie within 25 km of that place's point
 * by the match, by the list's point, by both or by neither.
 */
export function listPointDisagreements(reg: Registry, facts: SourceFacts) {
  const counts = { checked: 0, matchAgrees: 0, listAgrees: 0, neither: 0 };
  const places = facts.bySource.get('wikipedia-lists-geocoded')!.places;
  for (const row of reg.places) {
    if (row.source !== 'wikipedia-lists-geocoded') continue;
    const p = places.get(row.place_key);
    const loc = reg.localities.get(row.locality_id)!;
    if (p?.lat === undefined || p.lon === undefined || loc.lat === null) continue;
    const listPoint = { lat: p.lat, lon: p.lon };
    if (kmFrom(loc, listPoint)! <= 25) continue;
    const twin = wikidataTwin(p, facts);
    const truth = twin === undefined ? undefined : facts.qidFacts.get(twin);
    if (truth === undefined) continue;
    counts.checked++;
    if (kmFrom(loc, truth)! <= 25) counts.matchAgrees++;
    else if (kmFrom({ lat: p.lat, lon: p.lon }, truth)! <= 25) counts.listAgrees++;
    else counts.neither++;
  }
  return counts;
}
