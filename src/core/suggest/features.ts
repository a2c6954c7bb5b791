import { haversineKm } from '../geo.js';
import { COASTAL_KM } from './coast.js';
import { sharedNameWord } from './name-words.js';
import { NO_SEAT } from './seat-level.js';
import { personalisedRank } from './walks.js';
import {
  cellsAround,
  chordToKm,
  degreeOf,
  kmToChord,
  median,
  neighboursOf,
  type SuggestGraph,
} from './graph.js';

/** The features of a candidate, in the order of every feature row. */
export const FEATURES = [
  'commonNeighbours',
  'adamicAdar',
  'resourceAllocation',
  'logDegree',
  'isolated',
  'logDistance',
  'logDistanceRank',
  'distanceProfile',
  'distanceKnown',
  'populationDifference',
  'populationKnown',
  'sameName',
  'sharedLanguage',
  'sameCountry',
  'sameKind',
  'countryPairLinks',
  'countryPairLift',
  'countryShare',
  'continentShare',
  'secondHopCountryShare',
  'reverseCountryShare',
  'reverseCountryLinks',
  'regionPairLinks',
  'logDistanceRankInCountry',
  'logDegreeRankInCountry',
  'nearest10',
  'nearest50',
  'nearest200',
  'nearest1000',
  'degreeOne',
  'degreeFew',
  'degreeMany',
  'sameCountryNear',
  'isolatedNear',
  'threeHopPaths',
  'logKmToQueryPartner',
  'logKmFromCandidatePartner',
  'candidatePartnersNearQuery',
  'queryPartnersNearCandidate',
  'queryLogDegree',
  'partnerCountryOverlap',
  'logPopulation',
  'queryLogPopulation',
  'logPopulationRankInCountry',
  'populationProfile',
  'partnersOfQuerySize',
  'seatLevel',
  'querySeatLevel',
  'sameDivision',
  'divisionPairLinks',
  'divisionToQueryCountry',
  'queryDivisionToCountry',
  'divisionLinkedShare',
  'countryPairShare',
  'reverseCountryPairShare',
  'logOtherNames',
  'queryLogOtherNames',
  'sharedNameWord',
  'walkRank',
  'walkRankPerLink',
  'logCoastKm',
  'queryLogCoastKm',
  'bothCoastal',
] as const;

/** The name of a feature. */
export type FeatureName = (typeof FEATURES)[number];

/** The number of features in a row. */
export const FEATURE_COUNT = FEATURES.length;

/** The column of each feature in a row. */
export const F = Object.fromEntries(FEATURES.map((name, i) => [name, i])) as Record<FeatureName, number>;

/** A population difference assumed where either population is unknown (a factor of ten). */
const UNKNOWN_POPULATION_DIFFERENCE = 1;

/** Two places are of a size when their populations differ by at most this much log10 (a factor of about 3). */
export const SAME_SIZE_LOG10 = 0.5;

/** The value of logOtherNames where the gazetteer does not say (below log(1 + 0), every known value). */
export const UNKNOWN_OTHER_NAMES = -1;

/** The value of logCoastKm where the coordinates are unknown (below log(1 + 0), every known value). */
export const UNKNOWN_COAST = -1;

const COASTAL_LOG_KM = Math.log1p(COASTAL_KM);

/** The seat level taken where the gazetteer does not say (one past NO_SEAT). */
export const UNKNOWN_SEAT = NO_SEAT + 1;

/** What the features of one query are computed against: the query's own link-distance profile. */
export interface QueryProfile {
  query: number;
  /** Median log(1 + km) of the query's links, or the network's median when it has none with coordinates. */
  medianLogDistance: number;
  /** How many of the query's links the median is taken over. */
  profileLinks: number;
  /** The query's partners per country index. */
  partnersByCountry: Map<number, number>;
  /** How many of the query's partners have a country. */
  partnersWithCountry: number;
  partnersByContinent: Map<number, number>;
  /** Partners of the query's partners (the query excluded, each reached once per path) per country index. */
  secondHopByCountry: Map<number, number>;
  secondHop: number;
  /**
   * Links from the query's region (its one-degree cell and the eight around it) to each cell, the query's own
   * links left out: where the places near it twin.
   */
  regionLinksToCell: Map<number, number>;
  /** Median log10 population of the query's partners of known population (NaN when none is known). */
  partnerLogPopulation: number;
  /** The query's partners per division index. */
  partnersByDivision: Map<number, number>;
  /** Links from the query's first-level division to each division, the query's own links left out. */
  divisionLinksFromQuery: Map<number, number>;
  /** Link ends from the query's first-level division towards each country index, the query's own left out. */
  queryDivisionToCountry: Map<number, number>;
}

/** The query's distance profile and the countries and continents of its partners and their partners. */
export function queryProfile(graph: SuggestGraph, query: number): QueryProfile {
  const partners = neighboursOf(graph, query);
  const logs: number[] = [];
  const partnersByCountry = new Map<number, number>();
  const partnersByContinent = new Map<number, number>();
  const secondHopByCountry = new Map<number, number>();
  const partnerPops: number[] = [];
  let secondHop = 0;
  for (const p of partners) {
    if (Number.isFinite(graph.logPopulation[p])) partnerPops.push(graph.logPopulation[p]!);
    const km = haversineKm(graph.lat[query]!, graph.lon[query]!, graph.lat[p]!, graph.lon[p]!);
    if (Number.isFinite(km)) logs.push(Math.log1p(km));
    bump(partnersByCountry, graph.countryOf[p]!);
    bump(partnersByContinent, graph.continentOf[p]!);
    for (const s of neighboursOf(graph, p)) {
      if (s === query) continue;
      bump(secondHopByCountry, graph.countryOf[s]!);
      secondHop++;
    }
  }
  const regionLinksToCell = new Map<number, number>();
  const qCell = graph.cellOf[query]!;
  if (qCell >= 0) {
    for (const cell of cellsAround(qCell)) {
      for (const [to, count] of graph.cellLinks.get(cell) ?? [])
        regionLinksToCell.set(to, (regionLinksToCell.get(to) ?? 0) + count);
    }
    // The query's own links are not its region's: take them out.
    const region = new Set(cellsAround(qCell));
    for (const p of partners) {
      const to = graph.cellOf[p]!;
      if (to < 0) continue;
      regionLinksToCell.set(to, regionLinksToCell.get(to)! - 1);
      // A partner in the region counts the link again from its own cell, towards the query's.
      if (to !== qCell && region.has(to)) regionLinksToCell.set(qCell, regionLinksToCell.get(qCell)! - 1);
    }
  }
  const partnersByDivision = new Map<number, number>();
  for (const p of partners) bump(partnersByDivision, graph.divisionOf[p]!);
  const qDivision = graph.divisionOf[query]!;
  const divisionLinksFromQuery = new Map(graph.divisionLinks.get(qDivision) ?? []);
  const queryDivisionToCountry = new Map(graph.divisionCountryLinks.get(qDivision) ?? []);
  if (qDivision >= 0) {
    // The query's own links are not its division's: take them out.
    for (const p of partners) {
      const d = graph.divisionOf[p]!;
      if (d >= 0) divisionLinksFromQuery.set(d, divisionLinksFromQuery.get(d)! - 1);
      const c = graph.countryOf[p]!;
      if (c >= 0) queryDivisionToCountry.set(c, queryDivisionToCountry.get(c)! - 1);
    }
  }
  const own = median(logs);
  let partnersWithCountry = 0;
  for (const count of partnersByCountry.values()) partnersWithCountry += count;
  return {
    partnersWithCountry,
    partnersByDivision,
    divisionLinksFromQuery,
    queryDivisionToCountry,
    query,
    medianLogDistance: Number.isNaN(own) ? graph.medianLogDistance : own,
    profileLinks: logs.length,
    partnersByCountry,
    partnersByContinent,
    secondHopByCountry,
    secondHop,
    regionLinksToCell,
    partnerLogPopulation: median(partnerPops),
  };
}

function bump(map: Map<number, number>, key: number): void {
  if (key >= 0) map.set(key, (map.get(key) ?? 0) + 1);
}

/** The neighbourhood scores of every place against the query: common neighbours, Adamic–Adar, resource allocation. */
export function neighbourhoodScores(
  graph: SuggestGraph,
  query: number,
): { common: Float64Array; adamicAdar: Float64Array; resourceAllocation: Float64Array } {
  const n = graph.places.length;
  const common = new Float64Array(n);
  const adamicAdar = new Float64Array(n);
  const resourceAllocation = new Float64Array(n);
  for (const u of neighboursOf(graph, query)) {
    const k = degreeOf(graph, u);
    const aa = k > 1 ? 1 / Math.log(k) : 0;
    const ra = 1 / k;
    for (const c of neighboursOf(graph, u)) {
      if (c === query) continue;
      common[c]!++;
      adamicAdar[c]! += aa;
      resourceAllocation[c]! += ra;
    }
  }
  return { common, adamicAdar, resourceAllocation };
}

/** Distances in km from the query to every place (NaN where either has no coordinates). */
export function distancesFrom(graph: SuggestGraph, query: number): Float64Array {
  const n = graph.places.length;
  const out = new Float64Array(n);
  const lat = graph.lat[query]!;
  const lon = graph.lon[query]!;
  for (let i = 0; i < n; i++) out[i] = haversineKm(lat, lon, graph.lat[i]!, graph.lon[i]!);
  return out;
}

/**
 * The rank (1 = first) of each place within its country by a key, ascending, places of no country ranked among
 * themselves; ties by index. `include` says which places take part (NaN elsewhere).
 */
export function ranksWithinCountry(
  graph: SuggestGraph,
  key: (i: number) => number,
  include: (i: number) => boolean,
): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < graph.places.length; i++) if (include(i)) order.push(i);
  order.sort((a, b) => key(a) - key(b) || a - b);
  const seen = new Map<number, number>();
  const ranks = new Float64Array(graph.places.length).fill(NaN);
  for (const i of order) {
    const c = graph.countryOf[i]!;
    const r = (seen.get(c) ?? 0) + 1;
    seen.set(c, r);
    ranks[i] = r;
  }
  return ranks;
}

/** The rank (1 = nearest) of each place by distance from the query among the places with a distance; NaN elsewhere. */
export function distanceRanks(distances: Float64Array, query: number): Float64Array {
  return ranksByValue(distances, query, () => 0, 1);
}

/**
 * The rank of each place by a value, ascending, among the places of the same group (1 + how many have a
 * strictly smaller value; equal values share a rank); the query and places without a finite value take no part
 * and are NaN. Sorts a typed array per group, so that a query over 20,000 places stays cheap.
 */
export function ranksByValue(
  values: Float64Array,
  query: number,
  groupOf: (i: number) => number,
  groups: number,
): Float64Array {
  const n = values.length;
  const take = (i: number): boolean => i !== query && Number.isFinite(values[i]);
  const counts = new Int32Array(groups);
  for (let i = 0; i < n; i++) if (take(i)) counts[groupOf(i)]!++;
  const starts = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) starts[g + 1] = starts[g]! + counts[g]!;
  const fill = starts.slice(0, groups);
  const sorted = new Float64Array(starts[groups]!);
  for (let i = 0; i < n; i++) if (take(i)) sorted[fill[groupOf(i)]!++] = values[i]!;
  for (let g = 0; g < groups; g++) sorted.subarray(starts[g]!, starts[g + 1]!).sort();
  const ranks = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (!take(i)) continue;
    const g = groupOf(i);
    let lo = starts[g]!;
    let hi = starts[g + 1]!;
    const v = values[i]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo - starts[g]! + 1;
  }
  return ranks;
}

/**
 * The feature rows of every place as a candidate for the query: row i is `rows[i * FEATURE_COUNT ...]`, in
 * FEATURES order. Features are computed from the graph alone, so a graph of training links gives features
 * that know nothing of later links.
 */
export function candidateFeatures(
  graph: SuggestGraph,
  query: number,
  profile = queryProfile(graph, query),
): Float64Array {
  const n = graph.places.length;
  const rows = new Float64Array(n * FEATURE_COUNT);
  const { common, adamicAdar, resourceAllocation } = neighbourhoodScores(graph, query);
  const threeHop = threeHopPaths(graph, query, common);
  const walk = personalisedRank(graph, query);
  const sharedWord = sharedNameWord(graph.nameWords, query);
  const distances = distancesFrom(graph, query);
  const toPartner = nearestPartnerKm(graph, query);
  const ranks = distanceRanks(distances, query);
  // Places of no country are ranked among themselves, as group `countries.length`.
  const groups = graph.countries.length + 1;
  const groupOf = (i: number): number => (graph.countryOf[i]! >= 0 ? graph.countryOf[i]! : groups - 1);
  const nearInCountry = ranksByValue(distances, query, groupOf, groups);
  const biggestInCountry = degreeRanks(graph);
  const populousInCountry = populationRanks(graph);
  const known = ranks.reduce((m, r) => (Number.isNaN(r) ? m : m + 1), 0);
  const qCountry = graph.countryOf[query]!;
  const qPop = graph.logPopulation[query]!;
  const qName = graph.names[query]!;
  const qKind = graph.places[query]!.kind;
  const qLanguages = qCountry >= 0 ? graph.languages[qCountry]! : [];
  const qDegree = degreeOf(graph, query);
  const qPopKnown = Number.isFinite(qPop);
  const qSeat = graph.seatOf[query]!;
  const qOtherNames = graph.logOtherNames[query]!;
  const qCoast = graph.logCoastKm[query]!;
  const qDivision = graph.divisionOf[query]!;
  const c = graph.countries.length;
  const regionCache = new Map<number, number>();
  const regionLinks = (cell: number): number => {
    let v = regionCache.get(cell);
    if (v === undefined) {
      v = 0;
      for (const around of cellsAround(cell)) v += profile.regionLinksToCell.get(around) ?? 0;
      regionCache.set(cell, v);
    }
    return v;
  };
  const totalEnds = 2 * graph.links;
  for (let i = 0; i < n; i++) {
    const row = i * FEATURE_COUNT;
    const cell = graph.cellOf[i]!;
    rows[row + F.regionPairLinks] = cell >= 0 ? Math.log1p(regionLinks(cell)) : 0;
    rows[row + F.commonNeighbours] = common[i]!;
    rows[row + F.threeHopPaths] = Math.log1p(threeHop[i]!);
    // Scaled by the number of places, so that 0 is no share and 1 the share of a place in a uniform spread.
    rows[row + F.walkRank] = Math.log1p(n * walk[i]!);
    rows[row + F.queryLogDegree] = Math.log1p(qDegree);
    rows[row + F.logKmToQueryPartner] = Math.log1p(toPartner.km[i]!);
    rows[row + F.queryPartnersNearCandidate] = toPartner.near[i]!;
    rows[row + F.adamicAdar] = adamicAdar[i]!;
    rows[row + F.resourceAllocation] = resourceAllocation[i]!;
    const degree = degreeOf(graph, i);
    rows[row + F.logDegree] = Math.log1p(degree);
    rows[row + F.walkRankPerLink] = Math.log1p((n * walk[i]!) / (degree + 1));
    rows[row + F.isolated] = degree === 0 ? 1 : 0;
    rows[row + F.degreeOne] = degree === 1 ? 1 : 0;
    rows[row + F.degreeFew] = degree >= 2 && degree <= 4 ? 1 : 0;
    rows[row + F.degreeMany] = degree >= 10 ? 1 : 0;
    rows[row + F.logDegreeRankInCountry] = Math.log(biggestInCountry[i]!);
    const d = distances[i]!;
    if (Number.isFinite(d)) {
      const logD = Math.log1p(d);
      rows[row + F.logDistance] = logD;
      rows[row + F.logDistanceRank] = Math.log(ranks[i]!);
      rows[row + F.distanceProfile] = Math.abs(logD - profile.medianLogDistance);
      rows[row + F.distanceKnown] = 1;
      rows[row + F.logDistanceRankInCountry] = Math.log(nearInCountry[i]!);
      const rank = ranks[i]!;
      rows[row + F.nearest10] = rank <= 10 ? 1 : 0;
      rows[row + F.nearest50] = rank <= 50 ? 1 : 0;
      rows[row + F.nearest200] = rank <= 200 ? 1 : 0;
      rows[row + F.nearest1000] = rank <= 1000 ? 1 : 0;
      rows[row + F.sameCountryNear] = rank <= 50 && graph.countryOf[i] === qCountry ? 1 : 0;
      rows[row + F.isolatedNear] = rank <= 200 && degree === 0 ? 1 : 0;
    } else {
      // Unknown distance: the values of a typical candidate (the query's median, the middle rank).
      rows[row + F.logDistance] = profile.medianLogDistance;
      rows[row + F.logDistanceRank] = Math.log(Math.max(1, known / 2));
      rows[row + F.distanceProfile] = 0;
      rows[row + F.distanceKnown] = 0;
      rows[row + F.logDistanceRankInCountry] = rows[row + F.logDistanceRank]!;
    }
    const pop = graph.logPopulation[i]!;
    const popKnown = Number.isFinite(pop) && Number.isFinite(qPop);
    rows[row + F.populationDifference] = popKnown ? Math.abs(pop - qPop) : UNKNOWN_POPULATION_DIFFERENCE;
    rows[row + F.populationKnown] = popKnown ? 1 : 0;
    rows[row + F.logPopulation] = Number.isFinite(pop) ? pop : 0;
    rows[row + F.queryLogPopulation] = qPopKnown ? qPop : 0;
    rows[row + F.logPopulationRankInCountry] = Math.log(populousInCountry[i]!);
    rows[row + F.populationProfile] =
      Number.isFinite(pop) && Number.isFinite(profile.partnerLogPopulation)
        ? Math.abs(pop - profile.partnerLogPopulation)
        : UNKNOWN_POPULATION_DIFFERENCE;
    const seat = graph.seatOf[i]!;
    rows[row + F.seatLevel] = seat >= 0 ? seat : UNKNOWN_SEAT;
    rows[row + F.querySeatLevel] = qSeat >= 0 ? qSeat : UNKNOWN_SEAT;
    const otherNames = graph.logOtherNames[i]!;
    rows[row + F.logOtherNames] = Number.isFinite(otherNames) ? otherNames : UNKNOWN_OTHER_NAMES;
    rows[row + F.queryLogOtherNames] = Number.isFinite(qOtherNames) ? qOtherNames : UNKNOWN_OTHER_NAMES;
    const coast = graph.logCoastKm[i]!;
    rows[row + F.logCoastKm] = Number.isFinite(coast) ? coast : UNKNOWN_COAST;
    rows[row + F.queryLogCoastKm] = Number.isFinite(qCoast) ? qCoast : UNKNOWN_COAST;
    rows[row + F.bothCoastal] = coast <= COASTAL_LOG_KM && qCoast <= COASTAL_LOG_KM ? 1 : 0;
    rows[row + F.sameName] = qName !== '' && graph.names[i] === qName ? 1 : 0;
    rows[row + F.sharedNameWord] = sharedWord[i]!;
    const cc = graph.countryOf[i]!;
    rows[row + F.sameCountry] = cc >= 0 && cc === qCountry ? 1 : 0;
    rows[row + F.sharedLanguage] =
      cc >= 0 && graph.languages[cc]!.some((l) => qLanguages.includes(l)) ? 1 : 0;
    const kind = graph.places[i]!.kind;
    rows[row + F.sameKind] = kind !== undefined && kind === qKind ? 1 : 0;
    if (cc >= 0 && qCountry >= 0) {
      const pair = graph.countryPairLinks[qCountry * c + cc]!;
      rows[row + F.countryPairLinks] = Math.log1p(pair);
      const expected =
        totalEnds > 0 ? (graph.countryEnds[qCountry]! * graph.countryEnds[cc]!) / totalEnds : 0;
      rows[row + F.countryPairLift] = Math.log((pair + 1) / (expected + 1));
    }
    rows[row + F.countryShare] = cc >= 0 ? (profile.partnersByCountry.get(cc) ?? 0) / (qDegree + 1) : 0;
    const cont = graph.continentOf[i]!;
    rows[row + F.continentShare] =
      cont >= 0 ? (profile.partnersByContinent.get(cont) ?? 0) / (qDegree + 1) : 0;
    rows[row + F.secondHopCountryShare] =
      cc >= 0 ? (profile.secondHopByCountry.get(cc) ?? 0) / (profile.secondHop + 1) : 0;
    let nearestOwn = FAR_KM;
    let ownNear = 0;
    let overlap = 0;
    let ofQuerySize = 0;
    for (const p of neighboursOf(graph, i)) {
      if (p === query) continue;
      if (profile.partnersByCountry.has(graph.countryOf[p]!)) overlap++;
      if (qPopKnown && Math.abs(graph.logPopulation[p]! - qPop) <= SAME_SIZE_LOG10) ofQuerySize++;
      const km = distances[p]!;
      if (km < nearestOwn) nearestOwn = km;
      if (km <= NEAR_KM) ownNear++;
    }
    rows[row + F.logKmFromCandidatePartner] = Math.log1p(nearestOwn);
    rows[row + F.candidatePartnersNearQuery] = ownNear;
    rows[row + F.partnerCountryOverlap] = degree > 0 ? overlap / degree : 0;
    rows[row + F.partnersOfQuerySize] = Math.log1p(ofQuerySize);
    let toQueryCountry = 0;
    let toQueryDivision = 0;
    let withCountry = 0;
    let domestic = 0;
    for (const p of neighboursOf(graph, i)) {
      const pc = graph.countryOf[p]!;
      if (qCountry >= 0 && pc === qCountry) toQueryCountry++;
      if (qDivision >= 0 && graph.divisionOf[p] === qDivision) toQueryDivision++;
      if (pc >= 0) withCountry++;
      if (pc >= 0 && pc === cc) domestic++;
    }
    const shares = countryPairShares(graph, profile, i, { toQueryCountry, withCountry, domestic });
    rows[row + F.countryPairShare] = shares.fromQueryCountry.share;
    rows[row + F.reverseCountryPairShare] = shares.fromCandidateCountry.share;
    if (qCountry >= 0 && degree > 0) {
      rows[row + F.reverseCountryShare] = toQueryCountry / (degree + 1);
      rows[row + F.reverseCountryLinks] = Math.log1p(toQueryCountry);
    }
    divisionFeatures(graph, profile, i, toQueryCountry, toQueryDivision, rows, row);
  }
  return rows;
}

/** Link ends of one country towards another: how many, of how many the first country has, and their share. */
export interface CountryEnds {
  towards: number;
  of: number;
  /** towards / of, 0 when `of` is 0. */
  share: number;
}

/** What `countryPairShares` needs of the candidate's partners: in the query's country, with a country, at home. */
export interface CandidatePartnerCountries {
  toQueryCountry: number;
  withCountry: number;
  domestic: number;
}

/**
 * How much each of the two countries twins with the other: of the link ends in the query's country, those
 * towards the candidate's country, the query's own links left out (`fromQueryCountry`: how the rest of the
 * query's country twins with the candidate's); of the link ends in the candidate's country, those towards the
 * query's, the candidate's own left out (`fromCandidateCountry`). A link within one country gives it two ends
 * towards itself. All 0 when either country is unknown.
 */
export function countryPairShares(
  graph: SuggestGraph,
  profile: QueryProfile,
  i: number,
  candidate: CandidatePartnerCountries,
): { fromQueryCountry: CountryEnds; fromCandidateCountry: CountryEnds } {
  const qc = graph.countryOf[profile.query]!;
  const cc = graph.countryOf[i]!;
  if (qc < 0 || cc < 0) {
    const none = { towards: 0, of: 0, share: 0 };
    return { fromQueryCountry: none, fromCandidateCountry: none };
  }
  const home = qc === cc ? 2 : 1;
  const pairEnds = home * graph.countryPairLinks[qc * graph.countries.length + cc]!;
  const ends = (towards: number, of: number): CountryEnds => ({
    towards,
    of,
    share: of > 0 ? towards / of : 0,
  });
  const queryDomestic = profile.partnersByCountry.get(qc) ?? 0;
  return {
    fromQueryCountry: ends(
      pairEnds - home * (profile.partnersByCountry.get(cc) ?? 0),
      graph.countryEnds[qc]! - profile.partnersWithCountry - queryDomestic,
    ),
    fromCandidateCountry: ends(
      pairEnds - home * candidate.toQueryCountry,
      graph.countryEnds[cc]! - candidate.withCountry - candidate.domestic,
    ),
  };
}

/** Links counted between first-level divisions and countries for one candidate, its and the query's own left out. */
export interface DivisionLinkCounts {
  /** Between the query's division and the candidate's (0 when either is unknown). */
  between: number;
  /** From the candidate's division to the query's country (0 when its division or that country is unknown). */
  toQueryCountry: number;
  /** From the query's division to the candidate's country (0 when that division or country is unknown). */
  fromQueryDivision: number;
}

/**
 * The links of candidate i's first-level division and the query's: between the two divisions, from the
 * candidate's to the query's country, and from the query's to the candidate's country, the two places' own links
 * left out (`partnersInQueryCountry` and `partnersInQueryDivision` count the candidate's partners there).
 */
export function divisionLinkCounts(
  graph: SuggestGraph,
  profile: QueryProfile,
  i: number,
  partnersInQueryCountry: number,
  partnersInQueryDivision: number,
): DivisionLinkCounts {
  const q = profile.query;
  const qDivision = graph.divisionOf[q]!;
  const qCountry = graph.countryOf[q]!;
  const division = graph.divisionOf[i]!;
  const cc = graph.countryOf[i]!;
  const out = { between: 0, toQueryCountry: 0, fromQueryDivision: 0 };
  if (qDivision >= 0 && division >= 0)
    out.between = Math.max(0, (profile.divisionLinksFromQuery.get(division) ?? 0) - partnersInQueryDivision);
  if (division >= 0 && qCountry >= 0) {
    const ends = graph.divisionCountryLinks.get(division)?.get(qCountry) ?? 0;
    const own = partnersInQueryCountry + (profile.partnersByDivision.get(division) ?? 0);
    out.toQueryCountry = Math.max(0, ends - own);
  }
  if (qDivision >= 0 && cc >= 0)
    out.fromQueryDivision = Math.max(
      0,
      (profile.queryDivisionToCountry.get(cc) ?? 0) - partnersInQueryDivision,
    );
  return out;
}

/**
 * The first-level division features of candidate i (GeoNames admin1): the same division as the query; the log of
 * `divisionLinkCounts` (links between the two divisions, from the candidate's division to the query's country,
 * from the query's division to the candidate's country); the share of the candidate's division's places with a
 * partner (-1 when its division is unknown).
 */
export function divisionFeatures(
  graph: SuggestGraph,
  profile: QueryProfile,
  i: number,
  partnersInQueryCountry: number,
  partnersInQueryDivision: number,
  rows: Float64Array,
  row: number,
): void {
  const qDivision = graph.divisionOf[profile.query]!;
  const division = graph.divisionOf[i]!;
  rows[row + F.sameDivision] = qDivision >= 0 && division === qDivision ? 1 : 0;
  rows[row + F.divisionLinkedShare] = division >= 0 ? graph.divisionLinkedShare[division]! : -1;
  const counts = divisionLinkCounts(graph, profile, i, partnersInQueryCountry, partnersInQueryDivision);
  rows[row + F.divisionPairLinks] = Math.log1p(counts.between);
  rows[row + F.divisionToQueryCountry] = Math.log1p(counts.toQueryCountry);
  rows[row + F.queryDivisionToCountry] = Math.log1p(counts.fromQueryDivision);
}

/** Half the Earth's circumference: the distance taken where none is known. */
export const FAR_KM = 20_015;

/** Places within this many km are "near" one another for the features that count neighbours. */
export const NEAR_KM = 100;

/**
 * Walks of three steps from the query to each place (query → partner → partner's partner → place), from the
 * common-neighbour counts (walks of two steps): each place reached in two steps passes its count on to its
 * partners. No walk passes through the query after its start; a walk may come back to a partner of the query.
 */
export function threeHopPaths(graph: SuggestGraph, query: number, twoHop: Float64Array): Float64Array {
  const out = new Float64Array(graph.places.length);
  for (let s = 0; s < twoHop.length; s++) {
    const w = twoHop[s]!;
    if (w === 0) continue;
    for (const c of neighboursOf(graph, s)) if (c !== query) out[c]! += w;
  }
  return out;
}

/**
 * For every place, the km to the query's nearest partner (FAR_KM when none has coordinates) and how many of the
 * query's partners lie within NEAR_KM of it: places near the query's partners.
 */
export function nearestPartnerKm(
  graph: SuggestGraph,
  query: number,
): { km: Float64Array; near: Float64Array } {
  const n = graph.places.length;
  const { unitX, unitY, unitZ } = graph;
  // Nearest by chord of the unit sphere (no trigonometry per pair), turned into km at the end.
  const chord2 = new Float64Array(n).fill(Infinity);
  const near = new Float64Array(n);
  const nearChord2 = kmToChord(NEAR_KM) ** 2;
  for (const p of neighboursOf(graph, query)) {
    const x = unitX[p]!;
    const y = unitY[p]!;
    const z = unitZ[p]!;
    if (Number.isNaN(x)) continue;
    for (let i = 0; i < n; i++) {
      const dx = unitX[i]! - x;
      const dy = unitY[i]! - y;
      const dz = unitZ[i]! - z;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 < chord2[i]!) chord2[i] = d2;
      if (d2 <= nearChord2) near[i]!++;
    }
  }
  const km = chord2.map((d2) => (d2 === Infinity ? FAR_KM : chordToKm(Math.sqrt(d2))));
  return { km, near };
}

const degreeRankCache = new WeakMap<SuggestGraph, Float64Array>();

/** Each place's rank within its country by number of partners (1 = most), computed once per graph. */
export function degreeRanks(graph: SuggestGraph): Float64Array {
  let ranks = degreeRankCache.get(graph);
  if (!ranks) {
    ranks = ranksWithinCountry(
      graph,
      (i) => -degreeOf(graph, i),
      () => true,
    );
    degreeRankCache.set(graph, ranks);
  }
  return ranks;
}

const populationRankCache = new WeakMap<SuggestGraph, Float64Array>();

/**
 * Each place's rank within its country by population (1 = most populous; equal populations share a rank),
 * computed once per graph; a place of unknown population is ranked after every known one of its country.
 */
export function populationRanks(graph: SuggestGraph): Float64Array {
  let ranks = populationRankCache.get(graph);
  if (!ranks) {
    const n = graph.places.length;
    const groups = graph.countries.length + 1;
    const groupOf = (i: number): number => (graph.countryOf[i]! >= 0 ? graph.countryOf[i]! : groups - 1);
    const negated = graph.logPopulation.map((p) => -p);
    ranks = ranksByValue(negated, -1, groupOf, groups);
    const known = new Float64Array(groups);
    for (let i = 0; i < n; i++) if (!Number.isNaN(ranks[i])) known[groupOf(i)]!++;
    for (let i = 0; i < n; i++) if (Number.isNaN(ranks[i])) ranks[i] = known[groupOf(i)]! + 1;
    populationRankCache.set(graph, ranks);
  }
  return ranks;
}
