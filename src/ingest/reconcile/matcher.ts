import { distanceKm } from '../../core/geo.js';
import { isIsoCode } from './subdivisions.js';
import type { CandidateVia, MatchMethod, MatchQuery, MatchResult, PlaceCandidate } from './match-types.js';

/** Beyond this many kilometres from the source's own coordinates a match is doubtful. */
export const DOUBTFUL_KM = 25;
/** Below this score nothing is chosen. */
const ACCEPT = 0.45;
/**
 * How much size adds for a name nothing else places: a city of a million scores 0.26 more than a hamlet,
 * enough for Rome (known as "Rom" among its other names) to beat the French village whose main name it is.
 */
const UNPLACED_SIZE_WEIGHT = 0.3;
/** A town of at least this many people is a city a region of its name does not outrank by a point alone. */
const CITY_POPULATION = 100_000;

const VIA_SCORE: Readonly<Record<CandidateVia, number>> = {
  name: 1,
  alternate: 0.92,
  core: 0.86,
  skeleton: 0.72,
  fuzzy: 0.66,
  nearby: 0.55,
  // A stand-in, not the place itself: below every name match, so that a real one always wins.
  seat: 0.62,
};
const REGION_KINDS = new Set(['region', 'province', 'state', 'prefecture', 'county']);
/**
 * How much being a seat leans a tie between places of one name: a capital most, a first- or second-level seat
 * less, a third- to fifth-level seat (PPLA3 to PPLA5: a Polish gmina's village) least, so that it decides
 * between villages of one size ("Łubowo, Poland" is the gmina's seat of 950, not a village of 1,300 elsewhere)
 * but not against a town many times its size ("Brodnica, Poland" is the town of 27,000, not the seat village
 * of 700 that GeoNames also calls so; "Chrzanów", the town of 40,000, not the seat of 3,500). Nor against a
 * namesake town in its country that the source's evidence places no worse (`outsizedSeats`).
 */
const SEAT_WEIGHT: Readonly<Record<string, number>> = {
  PPLC: 0.02,
  PPLA: 0.01,
  PPLA2: 0.01,
  PPLA3: 0.005,
  PPLA4: 0.005,
  PPLA5: 0.005,
};

interface Scored {
  candidate: PlaceCandidate;
  score: number;
  distance?: number;
  countryAgrees: boolean;
}

/** A seat leans no tie against a namesake town in its country this many times its size or more. */
const OUTSIZED = 1.5;

/**
 * The seats (PPLA2 to PPLA5) that lean no tie: a town of the same country found by the same kind of name, as
 * near the source's point by the coordinate factor, has half as many people again or more. A second-level seat
 * weighs 0.01, what the size term gives a town 56 times larger, enough for Jamestown, North Dakota (15,000, a
 * county seat) to outrank Jamestown, New York (30,000) and Pittsburg, Texas (4,600) Pittsburg, California
 * (69,000) for a list's "Jamestown" and "Pittsburg, United States" placed near none of them. Between such
 * namesakes being a seat says nothing of which the source means; size says more. Against a unit, a point
 * without a population or an alternate name, the seat keeps its weight.
 */
function outsizedSeats(q: MatchQuery, candidates: readonly PlaceCandidate[]): Set<PlaceCandidate> {
  const towns = candidates.filter((c) => c.kind === 'geonames' && c.population > 0);
  const factor = (c: PlaceCandidate): number =>
    coordinateFactor(
      q.point && c.lat !== undefined && c.lon !== undefined
        ? distanceKm(q.point, { lat: c.lat, lon: c.lon })
        : undefined,
      c,
      true,
      q.ownPoint === true,
      q.parsed.base,
    );
  return new Set(
    towns.filter(
      (seat) =>
        seat.featureCode !== 'PPLC' &&
        seat.featureCode !== 'PPLA' &&
        SEAT_WEIGHT[seat.featureCode ?? ''] !== undefined &&
        towns.some(
          (other) =>
            other !== seat &&
            other.country === seat.country &&
            other.via === seat.via &&
            other.population >= OUTSIZED * seat.population &&
            factor(other) === factor(seat),
        ),
    ),
  );
}

/** The coordinate factor of a place far from the source's point: only a main name in its country survives it. */
const FAR = 0.45;

/** A letter's marks, with the comma below read as the cedilla (Romanian "ș" and "ş" are one letter). */
function marksOf(text: string): string[] {
  return [...text.normalize('NFC').toLowerCase()].map((ch) =>
    ch
      .normalize('NFD')
      .slice(1)
      .replace(/\u0326/g, '\u0327'),
  );
}

/**
 * Whether a name equal to the source's once folded lacks a mark the source writes ("Habo" for "Håbo"): the
 * source's spelling says it is another name, as an edit does. Marks the name adds ("Níkaia" for "Nikaia", an
 * English spelling without them) say nothing.
 */
export function dropsMarks(source: string, name: string): boolean {
  const a = marksOf(source);
  const b = marksOf(name);
  return a.length === b.length && a.some((m, i) => m !== '' && b[i] === '');
}

function coordinateFactor(
  d: number | undefined,
  c: PlaceCandidate,
  homeHasTown: boolean,
  ownPoint: boolean,
  source: string,
): number {
  if (d === undefined) return 1;
  if (d <= 10) return 1.12;
  if (d <= DOUBTFUL_KM) return 1.06;
  // A place found only by an edit of the name (one letter off) and far from the source's point is another
  // place: "Heřmanice", geocoded where it lies, is no Heřmaničky 73 km off, nor "Tiszakürt" Tiszabura 68 km off
  // (of the lists' six such matches over 25 km, all six were other villages). It is not taken.
  if (c.via === 'fuzzy') return FAR;
  // So is a town whose name lacks a mark the source writes, far from the source's point: "Håbo", Sweden,
  // geocoded where Håbo lies (its seat Bålsta), is not Habo 279 km off; it scores as such an edit does.
  if (
    c.via === 'name' &&
    (c.kind === 'geonames' || c.kind === 'geonames-point') &&
    dropsMarks(source, c.name)
  )
    return FAR * VIA_SCORE.fuzzy;
  // Wikidata's own point for the place: a place of the name 25-100 km off is likelier a namesake than the
  // place, below one of an agreeing name beside the point ("Molenbeek" is Molenbeek-Saint-Jean in Brussels,
  // 2 km off, not Molenbeek-Wersbeek, 43 km off, whose other name it is).
  if (d <= 100) return ownPoint ? 0.6 : 0.75;
  // A unit's point is only the mean of its places, and it may be 100 km across: where the country has no
  // town of the name, a unit of that exact name survives too (flagged doubtful) when the file put the
  // place far away (Åsnes, Norway, geocoded to Italy).
  if (!homeHasTown && c.kind === 'subdivision' && (c.via === 'name' || c.via === 'alternate')) return 0.55;
  // Far: only a main name in the right country survives (0.45, flagged doubtful). Letting other names through
  // too was tried: of 16 places it matched, 4 were right (Tamatave → Toamasina); the rest were other places
  // carrying the name as an alternate (Harpers Ferry → Athens, Ohio).
  return FAR;
}

function hintFactor(q: MatchQuery, c: PlaceCandidate): number {
  // A town lies in the region its qualifier names ("Friedberg, Hesse"), or it is a namesake elsewhere.
  if (q.namedRegions !== undefined && (c.kind === 'geonames' || c.kind === 'geonames-point') && c.admin1)
    return q.namedRegions.includes(`${c.country}.${c.admin1}`) ? 1.1 : 0.85;
  // A GeoNames unit ("Gangseo-gu" of Seoul or of Busan) lies in the region of the place its qualifier
  // names, or it is another unit of that name: "Alexeyevsky (Moscow)" is no rayon of Samara.
  if (c.kind === 'subdivision' && c.admin1 !== undefined && q.hintRegions.length > 0)
    return q.hintRegions.includes(`${c.country}.${c.admin1}`) ? 1.1 : 0.5;
  if (q.hintPoints.length === 0 || c.lat === undefined || c.lon === undefined) return 1;
  const nearest = Math.min(...q.hintPoints.map((p) => distanceKm(p, { lat: c.lat!, lon: c.lon! })));
  return nearest <= 40 ? 1.1 : nearest <= 150 ? 1 : 0.85;
}

function subdivisionFactor(q: MatchQuery, c: PlaceCandidate): number {
  if (q.subdivision === undefined) return 1;
  if (c.kind === 'subdivision') return c.id === q.subdivision ? 0.5 : 1;
  const [country, code] = q.subdivision.split('-') as [string, string];
  if (c.kind === 'country' || c.country !== country || c.admin1 === undefined) return 1;
  if (country === 'US' || (country === 'GB' && ['ENG', 'SCT', 'WLS', 'NIR'].includes(code))) {
    return c.admin1 === code ? 1.05 : 0.7;
  }
  return 1;
}

function kindFactor(q: MatchQuery, c: PlaceCandidate): number {
  const regional = q.parsed.kind !== undefined && REGION_KINDS.has(q.parsed.kind);
  if (c.via === 'seat') return 1;
  if (c.kind === 'geonames' || c.kind === 'geonames-point') return regional ? 0.9 : 1;
  return regional ? 1.08 : 0.9;
}

/** What the candidates say about the place's stated country, weighed once for every candidate. */
interface HomeEvidence {
  /** The stated country has a place of the name (by a name, not by spelling). */
  name: boolean;
  /** … a town of the name found by its name. */
  town: boolean;
  /** … a city of 100,000 of the name. */
  city: boolean;
  /** … a town of 10,000 of the name. */
  townOver10k: boolean;
  /** … a place of the name within 25 km of the source's point. */
  near: boolean;
  /** The source's point is no evidence of which of the country's places it is (a geocoder's namesake abroad). */
  pointSlipped: boolean;
}

/**
 * Coordinates outweigh a country tag only when the tagged country has no place of that name: a wrong tag
 * (Mexicali tagged United States) is then likelier than a geocoder that picked a namesake abroad (Perth).
 * Wikidata's own point outweighs a tag whose country has the name only far away (Brockville, Ontario,
 * tagged United States, where a Brookville is also called Brockville).
 */
function score(q: MatchQuery, c: PlaceCandidate, home: HomeEvidence, outsized: Set<PlaceCandidate>): Scored {
  const distance =
    q.point && c.lat !== undefined && c.lon !== undefined
      ? distanceKm(q.point, { lat: c.lat, lon: c.lon })
      : undefined;
  // A region without a point of its own gains nothing from the source's point: where the country has a city
  // of the name, the point (often the geocoder's pick of the region) does not make the region likelier
  // ("Veracruz, Mexico" is the city, not the state).
  const pointless = q.point !== undefined && distance === undefined && c.kind === 'subdivision' && home.city;
  // A first-level region outranks a village of its name ("Jalisco, Mexico" is the state, not a hamlet in Chiapas).
  const region = c.kind === 'subdivision' && isIsoCode(c.id) && !home.townOver10k ? 1.15 : 1;
  const countryAgrees = q.countries.length === 0 || q.countries.includes(c.country);
  const tagOutweighed = !home.name || (q.ownPoint === true && !home.near);
  const countryFactor =
    countryAgrees || (tagOutweighed && distance !== undefined && distance <= 10) ? 1 : 0.35;
  // A name with neither a country nor a point (a Wikidata label) is likelier the large place of that name
  // than a village abroad (Rom is Rome, not Rom in Deux-Sèvres), so size weighs more there; so it does for a
  // name whose point lay at a namesake abroad ("Cambridge, United States" geocoded to Cambridge, England).
  const unplaced =
    (q.countries.length === 0 && q.point === undefined && q.hintPoints.length === 0) || home.pointSlipped;
  const size = (unplaced ? UNPLACED_SIZE_WEIGHT : 0.04) * Math.min(1, Math.log10(c.population + 1) / 7);
  const seat = outsized.has(c) ? 0 : (SEAT_WEIGHT[c.featureCode ?? ''] ?? 0);
  // A town spelt as the source writes it, accents and all, outranks a namesake equal only once folded
  // (Wikidata 2016's "Ingå" is Ingå in Finland, not Ingá in Brazil, a little larger). Not a unit: its name
  // here is CLDR's English one, which says nothing of the source's spelling.
  const spelt =
    c.kind !== 'subdivision' && c.via === 'name' && c.name.toLowerCase() === q.parsed.base.toLowerCase()
      ? 0.01
      : 0;
  const value =
    (VIA_SCORE[c.via] + size + seat + spelt) *
    countryFactor *
    (pointless ? 0.75 : coordinateFactor(distance, c, home.town, q.ownPoint === true, q.parsed.base)) *
    region *
    hintFactor(q, c) *
    subdivisionFactor(q, c) *
    kindFactor(q, c) *
    (1 - 0.05 * (c.rank ?? 0));
  return { candidate: c, score: value, distance, countryAgrees };
}

function methodOf(q: MatchQuery, c: PlaceCandidate): MatchMethod {
  if (c.kind === 'country') return 'country';
  if (c.kind === 'subdivision') return 'subdivision';
  const qualified = q.parsed.hints.length > 0 || q.parsed.kind !== undefined;
  switch (c.via) {
    case 'name':
      return qualified ? 'qualified' : 'exact-name';
    case 'alternate':
    case 'core':
      return qualified ? 'qualified' : 'alternate-name';
    case 'skeleton':
      return 'transliteration';
    case 'fuzzy':
      return 'fuzzy';
    case 'nearby':
      return 'coordinates';
    case 'seat':
      return 'seat';
  }
}

/** Whether the candidates hold a town found by its name (not as a seat, not by spelling) in one of the countries. */
export function hasHomeTown(countries: readonly string[], candidates: readonly PlaceCandidate[]): boolean {
  return candidates.some(
    (c) =>
      (c.kind === 'geonames' || c.kind === 'geonames-point') &&
      countries.includes(c.country) &&
      VIA_SCORE[c.via] >= VIA_SCORE.core,
  );
}

function resultOf(query: MatchQuery, best: Scored, rival: Scored | undefined): MatchResult {
  const ambiguous = rival !== undefined && best.distance === undefined && rival.score > best.score - 0.03;
  const confidence = Math.min(1, best.score) * (ambiguous ? 0.8 : 1);
  const far = best.distance !== undefined && best.distance > DOUBTFUL_KM;
  return {
    candidate: best.candidate,
    method: methodOf(query, best.candidate),
    confidence: Math.round(confidence * 1000) / 1000,
    doubtful: far || !best.countryAgrees || confidence < 0.6,
    ...(best.distance !== undefined ? { distanceKm: Math.round(best.distance * 10) / 10 } : {}),
  };
}

/**
 * Every acceptable candidate a source's place may be, best first, one result per candidate: name evidence
 * first, then country, coordinates (a name match far away is doubtful), qualifiers, the kind of place, and
 * population to break ties. Empty when nothing is good enough.
 */
export function rankMatches(given: MatchQuery, candidates: readonly PlaceCandidate[]): MatchResult[] {
  const homeNamed = candidates.filter(
    (c) => given.countries.includes(c.country) && (VIA_SCORE[c.via] >= VIA_SCORE.core || c.via === 'seat'),
  );
  // A territory's place ("Saint-Denis" of "Réunion, France": RE, then FR) geocoded to a namesake in the
  // country it belongs to is the territory's place of that name, when it has one.
  const territory = given.territory === undefined ? undefined : [given.territory];
  const territorySlipped =
    territory !== undefined &&
    slippedPoint(
      { ...given, countries: territory },
      candidates,
      homeNamed.filter((c) => territory.includes(c.country)),
    );
  const pointSlipped = territorySlipped || slippedPoint(given, candidates, homeNamed);
  const stated: MatchQuery = territorySlipped ? { ...given, countries: territory } : given;
  // A point the geocoder took from a namesake abroad says nothing of which place of the country it is.
  const { point: _point, ...pointless } = stated;
  const query: MatchQuery = pointSlipped ? pointless : stated;
  const home: HomeEvidence = {
    name: homeNamed.length > 0,
    town: hasHomeTown(query.countries, candidates),
    city: candidates.some(
      (c) =>
        c.kind === 'geonames' &&
        query.countries.includes(c.country) &&
        (c.via === 'name' || c.via === 'alternate') &&
        c.population >= CITY_POPULATION,
    ),
    // By its main name: a town that only also bears the region's name (Xalisco, called Jalisco too) is not it.
    townOver10k: candidates.some(
      (c) =>
        (c.kind === 'geonames' || c.kind === 'geonames-point') &&
        query.countries.includes(c.country) &&
        c.via === 'name' &&
        (c.kind === 'geonames-point' || c.population >= 10_000),
    ),
    near: homeNamed.some((c) => kmFromPoint(query, c) <= DOUBTFUL_KM),
    pointSlipped,
  };
  const outsized = outsizedSeats(query, candidates);
  const scored = candidates.map((c) => score(query, c, home, outsized)).sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const distinct = scored.filter((s) => {
    const id = `${s.candidate.kind}:${s.candidate.id}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const pointAbroad = farFromHome(query, homeNamed);
  return distinct.flatMap((best, i) => {
    if (best.score < ACCEPT) return [];
    const found = resultOf(query, best, distinct[i + 1]);
    // A unit without a point of its own gains nothing from a point that lies far outside its country; the
    // match is for a person to check, and its locality does not take that point (newLocality).
    const result =
      pointAbroad && best.candidate.kind === 'subdivision' && best.distance === undefined
        ? { ...found, doubtful: true, pointAbroad: true as const }
        : found;
    if (!pointSlipped) return [result];
    // Chosen without the point, but still as far from it as it is, and for a person to check.
    const km = kmFromPoint(given, best.candidate);
    return [
      { ...result, doubtful: true, ...(km < Infinity ? { distanceKm: Math.round(km * 10) / 10 } : {}) },
    ];
  });
}

/** Kilometres from the query's point to a candidate's; Infinity when either has none. */
function kmFromPoint(q: MatchQuery, c: PlaceCandidate): number {
  return q.point && c.lat !== undefined && c.lon !== undefined
    ? distanceKm(q.point, { lat: c.lat, lon: c.lon })
    : Infinity;
}

/** Beyond this distance from every place of the name in the stated country, a point lies outside that country. */
const ABROAD_KM = 1000;

/**
 * Whether a geocoded point lies over 1,000 km from every located place of the name in the stated country: the
 * geocoder's namesake abroad ("Florida, Uruguay" at the US state's centre, "La Rioja, Argentina" in Spain).
 */
function farFromHome(q: MatchQuery, homeNamed: readonly PlaceCandidate[]): boolean {
  if (q.point === undefined || q.ownPoint === true) return false;
  const located = homeNamed.filter((c) => c.lat !== undefined && c.lon !== undefined);
  return located.length > 0 && located.every((c) => kmFromPoint(q, c) > ABROAD_KM);
}

/** How far a point may lie from every place of the name in the stated country before it is taken for a slip. */
const SLIP_KM = 100;

/**
 * Whether a geocoded point (not the place's own) lies at a namesake abroad: a place of the name in another
 * country within 10 km of it, while the stated country has places of the name and none within 100 km
 * ("Cambridge, United States" geocoded to Cambridge, England; "Saxon, Switzerland" to a Saxon in Germany).
 */
function slippedPoint(
  q: MatchQuery,
  candidates: readonly PlaceCandidate[],
  homeNamed: readonly PlaceCandidate[],
): boolean {
  if (q.point === undefined || q.ownPoint === true || homeNamed.length === 0) return false;
  if (homeNamed.some((c) => kmFromPoint(q, c) <= SLIP_KM)) return false;
  return candidates.some(
    (c) =>
      !q.countries.includes(c.country) &&
      (c.kind === 'geonames' || c.kind === 'geonames-point') &&
      (c.via === 'name' || c.via === 'alternate') &&
      kmFromPoint(q, c) <= 10,
  );
}

/** The best of rankMatches, or `unresolved` when nothing is good enough. */
export function chooseMatch(query: MatchQuery, candidates: readonly PlaceCandidate[]): MatchResult {
  return rankMatches(query, candidates)[0] ?? { method: 'unresolved', confidence: 0, doubtful: false };
}
