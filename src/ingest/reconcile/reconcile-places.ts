import type { Kysely } from 'kysely';
import {
  gazetteerByKeys,
  gazetteerBySkeletons,
  gazetteerInBoxes,
  gazetteerKeysByPrefixes,
  gazetteerPlacesByIds,
  type GazetteerHit,
} from '../../store/gazetteer.repository.js';
import type { DB } from '../../store/schema.js';
import { countryName } from '../../core/country.js';
import { exactCountry } from './country-resolver.js';
import { isSupplementId } from '../gazetteer/supplement.js';
import { geoNamesAdmin1ByName } from './geonames-units.js';
import { editAllowance, editDistance, similarity } from './edit-distance.js';
import { boxAround, distanceKm, type Point } from '../../core/geo.js';
import { DOUBTFUL_KM, hasHomeTown, rankMatches } from './matcher.js';
import type { CandidateVia, MatchQuery, MatchResult, PlaceCandidate } from './match-types.js';
import { coreKey, matchKey, seatKey, skeletonKey } from '../../core/name-keys.js';
import type { PreparedPlace } from './prepare-query.js';
import {
  bearsWholeName,
  findSubdivisions,
  findSubdivisionsBySpelling,
  namedOnlyInTranslation,
  type Subdivision,
} from './subdivisions.js';

function candidate(hit: GazetteerHit, via: CandidateVia): PlaceCandidate {
  const point = isSupplementId(hit.geonameId);
  return {
    kind: point ? 'geonames-point' : 'geonames',
    id: point ? `${hit.country}:${hit.lat}:${hit.lon}` : String(hit.geonameId),
    name: hit.name,
    country: hit.country,
    admin1: hit.admin1,
    lat: hit.lat,
    lon: hit.lon,
    population: hit.population,
    featureCode: hit.featureCode,
    otherNames: hit.otherNames,
    via,
  };
}

/**
 * Candidates by name. For an administrative unit, a town of its name is its seat, not the unit
 * (`seat`, below any real name match), except a gazetteer place of the whole name ("Mercer Island").
 */
function nameCandidates(p: PreparedPlace, byKey: ReadonlyMap<string, GazetteerHit[]>): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  const seatByName = p.adminUnit && !p.unitInName;
  // A place of the whole name as written ("Frankfurt (Oder)") is the place; one of the bare name only
  // ("Frankfurt" for Frankfurt am Main) then ranks as a looser match.
  const whole = p.writtenKey === undefined || seatByName ? [] : (byKey.get(p.writtenKey) ?? []);
  for (const hit of whole) out.push(candidate(hit, hit.isMain ? 'name' : 'alternate'));
  for (const key of p.nameKeys)
    for (const hit of byKey.get(key) ?? [])
      out.push(
        candidate(hit, seatByName ? 'seat' : whole.length > 0 ? 'core' : hit.isMain ? 'name' : 'alternate'),
      );
  for (const key of p.looseKeys)
    if (key !== p.writtenKey || whole.length === 0)
      for (const hit of byKey.get(key) ?? []) out.push(candidate(hit, p.adminUnit ? 'seat' : 'core'));
  return out;
}

/** Within this distance of the source's coordinates a town a merged municipality is named after may be matched as its seat. */
const PART_KM = 10;
/** A merged municipality is not named after a city this large ("Brno-Bosonohy" is a part of Brno, not its seat). */
const PART_MAX_POPULATION = 100_000;

/**
 * The towns a double name is made of ("Blankenfelde-Mahlow", "Amberg-Sulzbach (district)"), as seat
 * candidates, only where the source's coordinates put the place near them: any of them within 10 km for
 * a merged municipality (it was made of them all); the first within 25 km for a district, whose
 * coordinates are often its centre and whose later names are often rivers or regions ("Rems-Murr").
 */
function partCandidates(
  p: PreparedPlace,
  byKey: ReadonlyMap<string, GazetteerHit[]>,
  point: Point | undefined,
): PlaceCandidate[] {
  if (point === undefined) return [];
  const countries = p.country?.searchCountries ?? [];
  const reach = p.adminUnit ? DOUBTFUL_KM : PART_KM;
  const keys = p.adminUnit ? p.componentKeys.slice(0, 1) : p.componentKeys;
  return keys.flatMap((key, part) =>
    (byKey.get(key) ?? [])
      .filter(
        (h) =>
          countries.includes(h.country) &&
          distanceKm(point, h) <= reach &&
          (p.adminUnit || h.population < PART_MAX_POPULATION),
      )
      .map((h) => ({ ...candidate(h, 'seat'), rank: part })),
  );
}

/**
 * A GeoNames unit whose name says it is a unit named after its seat ("Clinton County", "Gemeente Zwolle")
 * is no match for a source that names only the town ("Clinton", "Zwolle") where the gazetteer has a town
 * of that name in its country; where it has none, the unit is the place ("Samsø" is Samsø Kommune).
 */
function unitFits(p: PreparedPlace, s: Subdivision, townOfName: boolean): boolean {
  return s.scheme === 'iso' || p.adminUnit || !townOfName || seatKey(matchKey(s.name)) === undefined;
}

function unitCandidate(s: Subdivision, via: CandidateVia): PlaceCandidate {
  return {
    kind: 'subdivision',
    id: s.code,
    name: s.name,
    country: s.country,
    population: s.population ?? 0,
    via,
    ...(s.admin1 !== undefined ? { admin1: s.admin1 } : {}),
    ...(s.lat !== undefined && s.lon !== undefined ? { lat: s.lat, lon: s.lon } : {}),
  };
}

/** Units whose name sounds like the place's ("Nevsky" / Nevskiy Rayon). */
function unitsBySpelling(p: PreparedPlace, named: readonly PlaceCandidate[]): PlaceCandidate[] {
  const townOfName = hasHomeTown(p.country?.searchCountries ?? [], named);
  return p.regionNames.flatMap((name) =>
    findSubdivisionsBySpelling(name, p.country?.searchCountries ?? [])
      .filter((s) => unitFits(p, s, townOfName))
      .map((s) => unitCandidate(s, 'skeleton')),
  );
}

/**
 * A unit named after its seat that ISO 3166-2 lists one level down under the seat's own name, as found by the
 * name the source wrote: "Provinz Saragossa" names the town Saragossa, which is Zaragoza, and ES-Z is the
 * province of Zaragoza. Only second-level units: a first-level unit of a seat's name may be the city itself
 * (Moscow, RU-MOW, is no "Oblast Moskau").
 */
function unitsOfSeat(p: PreparedPlace, named: readonly PlaceCandidate[]): PlaceCandidate[] {
  const countries = p.country?.searchCountries;
  const seats = named.filter(
    (c) =>
      c.via === 'seat' &&
      (c.rank ?? 0) === 0 &&
      (c.kind === 'geonames' || c.kind === 'geonames-point') &&
      (countries === undefined || countries.includes(c.country)),
  );
  const bySeat = new Map(seats.map((c) => [`${c.country} ${c.name}`, c]));
  return [...bySeat.values()].flatMap((seat) =>
    findSubdivisions(seat.name, [seat.country])
      .filter((s) => s.scheme === 'iso' && s.level === 2 && bearsWholeName(s, seat.name))
      .map((s) => unitCandidate(s, 'alternate')),
  );
}

/**
 * Whether a unit found only by a name in another language is rather a town of 10,000 in its country that bears
 * that name: "Kiev" is the city Kyiv, not its unit UA-30 that iso3166-2-db also calls Kiev ("Kalifornien" names
 * no town, so it is California).
 */
function cityOfItsName(s: Subdivision, name: string, named: readonly PlaceCandidate[]): boolean {
  return (
    namedOnlyInTranslation(s, name) &&
    named.some(
      (c) =>
        (c.kind === 'geonames-point' || (c.kind === 'geonames' && c.population >= 10_000)) &&
        c.country === s.country &&
        (c.via === 'name' || c.via === 'alternate'),
    )
  );
}

function regionCandidates(p: PreparedPlace, named: readonly PlaceCandidate[]): PlaceCandidate[] {
  const countries = p.country?.searchCountries;
  const townOfName = hasHomeTown(p.country?.searchCountries ?? [], named);
  const subs = p.regionNames.flatMap((name) => {
    const found = findSubdivisions(name, countries).filter(
      (s) => unitFits(p, s, townOfName) && !cityOfItsName(s, name, named),
    );
    // A unit of the whole name outranks one of its core only ("Oblast Moskau": Moscow Oblast, not Moscow).
    const whole = found.filter((s) => bearsWholeName(s, name));
    return found.map((s) =>
      unitCandidate(
        s,
        whole.length > 0 && !whole.includes(s) ? 'core' : s.level === 1 ? 'name' : 'alternate',
      ),
    );
  });
  // A name that says it is a unit ("Tuapsinsky District") is likelier that unit spelt otherwise
  // (Tuapsinskiy Rayon) than its seat; other names look for units so only in the second round.
  if (p.adminUnit)
    for (const unit of [...unitsBySpelling(p, named), ...unitsOfSeat(p, named)]) subs.push(unit);
  const asCountry = p.parsed.hints.length === 0 ? exactCountry(p.parsed.base) : undefined;
  if (
    asCountry &&
    (asCountry.method === 'name' || asCountry.method === 'alias') &&
    (!countries || countries.includes(asCountry.country))
  ) {
    subs.push({
      kind: 'country',
      id: asCountry.country,
      // Its English name, not the source's ("Kenia" is Kenya).
      name: countryName(asCountry.country),
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

/**
 * The territory a country string names before its country ("Réunion, France" → RE); none for a former country,
 * whose successors are searched alike.
 */
function territoryOf(p: PreparedPlace): string | undefined {
  const c = p.country;
  if (c === undefined || c.method === 'historical' || c.searchCountries.length < 2) return undefined;
  return c.searchCountries[0] === c.country ? c.country : undefined;
}

/**
 * The first-level units its qualifiers name, as GeoNames' admin1 codes (`DE.05`): by GeoNames' own name of the
 * unit, or by any name of the ISO 3166-2 region that bears the qualifier's ("Friedberg, Hesse" and "Friedberg
 * (Hessen)" lie in DE.05, not in Bavaria, DE.02), whether or not a town also bears the qualifier's name.
 */
function regionsNamed(p: PreparedPlace): string[] {
  const countries = p.country?.searchCountries ?? [];
  return p.parsed.hints.flatMap((hint) =>
    countries.flatMap((country) => {
      const names = [
        hint,
        ...findSubdivisions(hint, [country])
          .filter((s) => s.scheme === 'iso' && s.level === 1 && bearsWholeName(s, hint))
          .flatMap((s) => s.names),
      ];
      const codes = new Set(names.flatMap((n) => geoNamesAdmin1ByName(country, n)));
      return [...codes].map((code) => `${country}.${code}`);
    }),
  );
}

/** The query the pure matcher sees. */
function queryOf(p: PreparedPlace, parents: readonly GazetteerHit[]): MatchQuery {
  const { lat, lon } = p.place;
  const named = regionsNamed(p);
  return {
    parsed: p.parsed,
    countries: p.country?.searchCountries ?? [],
    ...(territoryOf(p) !== undefined ? { territory: territoryOf(p)! } : {}),
    ...(p.country?.subdivision ? { subdivision: p.country.subdivision } : {}),
    ...(lat !== undefined && lon !== undefined
      ? { point: { lat, lon }, ...(p.place.wikidataId !== undefined ? { ownPoint: true } : {}) }
      : {}),
    hintPoints: parents.map((h): Point => ({ lat: h.lat, lon: h.lon })),
    hintRegions: parents.map((h) => `${h.country}.${h.admin1}`),
    ...(named.length > 0 ? { namedRegions: named } : {}),
  };
}

/**
 * Two keys close enough for a place nearby: the same first word ("Weiden in der Oberpfalz", "Weiden"), or
 * similar spelling; which of the two, or undefined. A name that merely contains the other is not enough: "Istočno Novo Sarajevo",
 * "La Chapelle-d'Armentières" and "Mont-sur-Rolle" are places of their own beside Sarajevo, Armentières
 * and Rolle (tried: 2 of the 9 places it matched were right).
 */
function namesAgree(a: string, b: string): 'word' | 'spelling' | undefined {
  const first = (k: string): string => k.split(' ')[0] ?? '';
  if (first(a).length >= 4 && first(a) === first(b)) return 'word';
  return similarity(a, b) >= 0.5 ? 'spelling' : undefined;
}

/** A place the first round left unresolved or doubtful, and what its second round looks up. */
interface LoosePlan {
  p: PreparedPlace;
  point?: Point;
  key: string;
  skeleton: string;
  countries: string[];
  /** How many edits the fuzzy lookup allows (0: none). */
  allowance: number;
  byKey: ReadonlyMap<string, GazetteerHit[]>;
}

function loosePlan(
  p: PreparedPlace,
  query: MatchQuery,
  byKey: ReadonlyMap<string, GazetteerHit[]>,
): LoosePlan {
  const key = seatKey(matchKey(p.parsed.base)) ?? coreKey(matchKey(p.parsed.base));
  const skeleton = skeletonKey(key);
  const allowance = skeleton.length < 4 ? 0 : editAllowance(key.length);
  const countries = key === '' ? [] : (p.country?.searchCountries ?? []).slice(0, 3);
  return { p, key, skeleton, countries, allowance, byKey, ...(query.point ? { point: query.point } : {}) };
}

/**
 * Places within a few edits of each plan's key, in its countries: keys sharing the first three letters
 * of its spelling-blind key are fetched for the whole batch, and only the places of those that pass.
 */
async function fuzzyHits(
  db: Kysely<DB>,
  plans: readonly LoosePlan[],
): Promise<Map<LoosePlan, GazetteerHit[]>> {
  const prefixOf = (x: LoosePlan): string => x.skeleton.slice(0, 3);
  const fuzzy = plans.filter((x) => x.allowance > 0);
  const byPrefix = await gazetteerKeysByPrefixes(
    db,
    fuzzy.flatMap((x) => x.countries.map((country) => ({ country, prefix: prefixOf(x) }))),
  );
  const passed = new Map(
    fuzzy.map((x) => [
      x,
      x.countries.flatMap((country) =>
        (byPrefix.get(`${country}|${prefixOf(x)}`) ?? []).filter(
          (k) => editDistance(x.key, k.key, x.allowance) <= x.allowance,
        ),
      ),
    ]),
  );
  const places = await gazetteerPlacesByIds(
    db,
    [...passed.values()].flatMap((keys) => keys.map((k) => k.geonameId)),
  );
  return new Map(
    [...passed].map(([x, keys]) => [
      x,
      keys.flatMap((k) => {
        const place = places.get(k.geonameId);
        return place ? [{ ...place, key: k.key, isMain: k.isMain }] : [];
      }),
    ]),
  );
}

/**
 * Second round for places the names did not settle: spelling-blind keys, edits, nearness, each looked
 * up for the whole batch at once (one query per kind of lookup, not per place), and last the towns a
 * double name is made of.
 */
async function looserCandidates(db: Kysely<DB>, plans: readonly LoosePlan[]): Promise<PlaceCandidate[][]> {
  const bySkeleton = await gazetteerBySkeletons(
    db,
    plans.flatMap((x) => x.countries.map((country) => ({ country, skeleton: x.skeleton }))),
  );
  const edited = await fuzzyHits(db, plans);
  const near = plans.filter((x) => x.point !== undefined && x.key !== '');
  const inBoxes = await gazetteerInBoxes(
    db,
    near.map((x) => boxAround(x.point!, 5)),
  );
  const boxOf = new Map(near.map((x, i) => [x, i]));
  return plans.map((x) => {
    // An administrative unit's candidates stand for its seat, ranked below one found by its exact name.
    const found = (hit: GazetteerHit, via: CandidateVia, rank: number): PlaceCandidate =>
      x.p.adminUnit ? { ...candidate(hit, 'seat'), rank } : candidate(hit, via);
    const out: PlaceCandidate[] = [];
    for (const country of x.countries)
      for (const hit of bySkeleton.get(`${country}|${x.skeleton}`) ?? []) out.push(found(hit, 'skeleton', 1));
    for (const hit of edited.get(x) ?? []) out.push(found(hit, 'fuzzy', 2));
    const box = boxOf.get(x);
    for (const hit of box === undefined ? [] : (inBoxes.get(box) ?? [])) {
      const agreement = namesAgree(x.key, coreKey(matchKey(hit.name)));
      if (agreement === undefined) continue;
      // A neighbour spelt alike (Schaerbeek beside "Molenbeek") ranks below one of the same first word.
      const near = found(hit, 'nearby', 3);
      out.push(x.p.adminUnit || agreement === 'word' ? near : { ...near, rank: 1 });
    }
    return [...out, ...partCandidates(x.p, x.byKey, x.point)];
  });
}

/** Whether a match lies more than 25 km from the source's point; undefined when there is no distance. */
function farFromPoint(m: MatchResult): boolean | undefined {
  return m.distanceKm === undefined ? undefined : m.distanceKm > DOUBTFUL_KM;
}

/** How many hard places one second round looks up at once (bounds memory; a few queries each). */
const LOOSE_BATCH = 100;

const UNRESOLVED: MatchResult = { method: 'unresolved', confidence: 0, doubtful: false };

/**
 * Matches source places to gazetteer places, subdivisions or countries. Names are looked up in
 * batches; places they leave unresolved or doubtful get a second, looser round, also in batches.
 */
export async function reconcilePlaces(
  db: Kysely<DB>,
  places: readonly PreparedPlace[],
): Promise<MatchResult[]> {
  return (await reconcilePlacesRanked(db, places)).map((ranked) => ranked[0]!);
}

/**
 * Every match each place may have, best first (as reconcilePlaces chooses the first), so that a caller
 * that knows more (a Q-id already held elsewhere, the other end of a statement) can take the next one.
 * The list always holds at least one result, `unresolved` when nothing fits.
 */
export async function reconcilePlacesRanked(
  db: Kysely<DB>,
  places: readonly PreparedPlace[],
  onProgress: (done: number) => void = () => undefined,
): Promise<MatchResult[][]> {
  const keys = places.flatMap((p) => [...p.nameKeys, ...p.looseKeys, ...p.hintKeys, ...p.componentKeys]);
  const byKey = await gazetteerByKeys(db, keys);
  const rounds = places.map((p) => {
    const parents = hintPlaces(p, byKey);
    const query = queryOf(p, parents);
    const named = nameCandidates(p, byKey);
    const candidates = [...named, ...regionCandidates(p, named)];
    const ranked = rankMatches(query, candidates);
    return { p, parents, query, candidates, ranked, result: ranked[0] ?? UNRESOLVED };
  });
  const hard = rounds.filter((r) => r.result.method === 'unresolved' || r.result.doubtful);
  onProgress(places.length - hard.length);
  for (let i = 0; i < hard.length; i += LOOSE_BATCH) {
    const batch = hard.slice(i, i + LOOSE_BATCH);
    const looser = await looserCandidates(
      db,
      batch.map((r) => loosePlan(r.p, r.query, byKey)),
    );
    batch.forEach((r, j) => {
      const spelt = r.p.adminUnit ? [] : unitsBySpelling(r.p, r.candidates);
      const widerRanked = rankMatches(r.query, [...r.candidates, ...looser[j]!, ...spelt]);
      const wider = widerRanked[0] ?? UNRESOLVED;
      const better =
        r.result.method === 'unresolved' ||
        (!wider.doubtful && wider.confidence >= r.result.confidence * 0.9);
      if (wider.method !== 'unresolved' && better) {
        r.result = wider;
        r.ranked = widerRanked;
      }
    });
    onProgress(places.length - hard.length + i + batch.length);
  }
  return rounds.map((r) => {
    const parent = parentMatch(r.p, r.parents);
    if (r.result.method === 'unresolved') return [parent ?? UNRESOLVED];
    // A place its qualifier and its point put in one place, and a match far from both, lies in that place
    // ("Yuexiu (Guangzhou)" geocoded in Guangzhou is no Yamen 96 km off, found by spelling).
    if (parent !== undefined && !parent.doubtful && farFromPoint(r.result) && farFromPoint(parent) === false)
      return [parent];
    return r.ranked;
  });
}
