import { countryName } from '../country.js';
import { haversineKm } from '../geo.js';
import {
  countryPairShares,
  divisionLinkCounts,
  F,
  FEATURE_COUNT,
  NEAR_KM,
  SAME_SIZE_LOG10,
  type FeatureName,
  type QueryProfile,
} from './features.js';
import { neighboursOf, type SuggestGraph } from './graph.js';
import { languageName, sharedLanguages } from './languages.js';
import { contributions, type SuggestModel } from './model.js';
import { NO_SEAT } from './seat-level.js';
import { foldText } from '../text-fold.js';

/** One reason a candidate is suggested, as a code and the words that say it. */
export interface Reason {
  code:
    | 'common_partners'
    | 'network_path'
    | 'similar_population'
    | 'same_name'
    | 'shared_name_word'
    | 'same_language'
    | 'distance'
    | 'partners_of_partners_country'
    | 'country_pair'
    | 'country_share'
    | 'near_your_partner'
    | 'partners_near_you'
    | 'same_seat'
    | 'both_coastal'
    | 'partners_your_size'
    | 'region_pair'
    | 'region_to_your_country'
    | 'your_region_to_country';
  text: string;
}

/** A number rounded to two significant figures and grouped by thousands (300,000; 1,200). */
export function roughly(x: number): string {
  if (x < 10) return String(Math.round(x));
  const magnitude = 10 ** (Math.floor(Math.log10(x)) - 1);
  return (Math.round(x / magnitude) * magnitude).toLocaleString('en-US');
}

/** The query's partners that are also the candidate's (both rows are sorted). */
export function commonPartners(graph: SuggestGraph, query: number, candidate: number): number[] {
  const a = neighboursOf(graph, query);
  const b = neighboursOf(graph, candidate);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/**
 * The rarest word the candidate's name shares with the query's, as the candidate's name spells it (`Newcastle`
 * for "Newcastle upon Tyne"), or undefined when they share none.
 */
export function sharedWord(graph: SuggestGraph, query: number, candidate: number): string | undefined {
  const { wordsOf, rarity } = graph.nameWords;
  const shared = wordsOf[candidate]!.filter((w) => wordsOf[query]!.includes(w));
  if (shared.length === 0) return undefined;
  const word = graph.nameWords.words[shared.reduce((a, b) => (rarity[b]! > rarity[a]! ? b : a))]!;
  return graph.places[candidate]!.name.split(/[^\p{L}\p{N}]+/u).find((w) => foldText(w) === word) ?? word;
}

/** The longest chain of twinnings a reason names (three or four: two is a shared partner). */
const PATH_STEPS = 4;

/**
 * A shortest chain of links from `from` to `to` of at most `steps` links, as its places from `from` to `to`, or
 * undefined when there is none that short. Where several are as short, the one found first by a breadth-first
 * search taking each place's partners in index order: the same chain every time.
 */
export function shortestPath(
  graph: SuggestGraph,
  from: number,
  to: number,
  steps: number,
): number[] | undefined {
  const parent = new Map<number, number>([[from, -1]]);
  let frontier = [from];
  for (let step = 0; step < steps && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const v of neighboursOf(graph, u)) {
        if (parent.has(v)) continue;
        parent.set(v, u);
        if (v === to) {
          const path = [to];
          for (let p = u; p !== -1; p = parent.get(p)!) path.push(p);
          return path.reverse();
        }
        next.push(v);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Names as a list in words: "A", "A and B", "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** The words for the seats of first- to fifth-level divisions. */
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** Population ratios within this factor are "about" the same size. */
const SIMILAR_POPULATION = 1.5;

/** The features each reason speaks for: a reason ranks by what they add to the candidate's score. */
const REASON_FEATURES: Record<Reason['code'], readonly FeatureName[]> = {
  common_partners: ['commonNeighbours', 'adamicAdar', 'resourceAllocation', 'threeHopPaths'],
  network_path: ['walkRank', 'walkRankPerLink'],
  similar_population: [
    'populationDifference',
    'populationKnown',
    'logPopulation',
    'logPopulationRankInCountry',
    'populationProfile',
  ],
  same_seat: ['seatLevel', 'querySeatLevel'],
  both_coastal: ['bothCoastal', 'logCoastKm', 'queryLogCoastKm'],
  partners_your_size: ['partnersOfQuerySize'],
  region_pair: ['divisionPairLinks', 'sameDivision', 'divisionLinkedShare'],
  region_to_your_country: ['divisionToQueryCountry'],
  your_region_to_country: ['queryDivisionToCountry'],
  same_name: ['sameName'],
  shared_name_word: ['sharedNameWord'],
  same_language: ['sharedLanguage'],
  distance: [
    'logDistance',
    'logDistanceRank',
    'distanceProfile',
    'logDistanceRankInCountry',
    'nearest10',
    'nearest50',
    'nearest200',
    'nearest1000',
    'sameCountryNear',
  ],
  partners_of_partners_country: ['secondHopCountryShare'],
  country_pair: ['countryPairLinks', 'countryPairLift', 'reverseCountryPairShare'],
  country_share: ['countryPairShare'],
  near_your_partner: ['logKmToQueryPartner', 'queryPartnersNearCandidate'],
  partners_near_you: ['logKmFromCandidatePartner', 'candidatePartnersNearQuery'],
};

/**
 * The reasons for one candidate, in words, each true of the graph it was ranked on: shared partners (named when
 * few) or, where there are none, a chain of three or four twinnings to it, similar populations, the same name or a
 * word the names share, a shared official language, the distance against the query's own links, the query's
 * partners' partners in the candidate's country, how often the two countries twin, how many of the partners of
 * other places in the query's country are in the candidate's, the query's partner nearest the candidate and the
 * candidate's partners near the query (within NEAR_KM), the same seat of government (both capitals, both seats of
 * a division of one level), both on the coast, the candidate's partners of about the query's size (within
 * SAME_SIZE_LOG10), the twinnings of other places between the two first-level divisions (regions) and from each
 * region to the other place's country. Given the model, the reasons come in the order of
 * what their features added to the candidate's score, most first.
 */
export function reasonsFor(
  graph: SuggestGraph,
  profile: QueryProfile,
  rows: Float64Array,
  candidate: number,
  model?: SuggestModel,
): Reason[] {
  const q = profile.query;
  const place = graph.places[candidate]!;
  const row = candidate * FEATURE_COUNT;
  const reasons: Reason[] = [];
  const common = commonPartners(graph, q, candidate);
  if (common.length > 0) {
    const names = common.map((i) => graph.places[i]!.name);
    const which = common.length <= 3 ? ` (${names.join(', ')})` : '';
    reasons.push({
      code: 'common_partners',
      text:
        common.length === 1
          ? `1 of your partners${which} is a partner of ${place.name}`
          : `${common.length} of your partners${which} are partners of ${place.name}`,
    });
  }
  const path = common.length === 0 ? shortestPath(graph, q, candidate, PATH_STEPS) : undefined;
  if (path) {
    const through = path.slice(1, -1).map((i) => graph.places[i]!.name);
    reasons.push({
      code: 'network_path',
      text: `${path.length - 1} twinnings from you, through ${listed(through)}`,
    });
  }
  const qPop = graph.places[q]!.population;
  const cPop = place.population;
  if (qPop && cPop && Math.max(qPop, cPop) / Math.min(qPop, cPop) <= SIMILAR_POPULATION) {
    reasons.push({ code: 'similar_population', text: `both about ${roughly((qPop + cPop) / 2)} people` });
  }
  if (rows[row + F.sameName] === 1) reasons.push({ code: 'same_name', text: `both named ${place.name}` });
  else if (rows[row + F.sharedNameWord]! > 0) {
    const word = sharedWord(graph, q, candidate);
    if (word) reasons.push({ code: 'shared_name_word', text: `“${word}” in both names` });
  }
  const qCountry = graph.places[q]!.country;
  if (rows[row + F.sharedLanguage] === 1 && qCountry && place.country && qCountry !== place.country) {
    const shared = sharedLanguages(
      graph.languages[graph.countryOf[q]!]!,
      graph.languages[graph.countryOf[candidate]!]!,
    ).map(languageName);
    reasons.push({
      code: 'same_language',
      text: `same official language (${shared.join(', ')})`,
    });
  }
  const km = haversineKm(graph.lat[q]!, graph.lon[q]!, graph.lat[candidate]!, graph.lon[candidate]!);
  if (Number.isFinite(km) && profile.profileLinks > 0) {
    const medianKm = Math.expm1(profile.medianLogDistance);
    const near = Math.abs(Math.log1p(km) - profile.medianLogDistance) <= Math.log(2);
    reasons.push({
      code: 'distance',
      text: near
        ? `${roughly(km)} km apart, near the median of your links (${roughly(medianKm)} km)`
        : `${roughly(km)} km apart (your links' median is ${roughly(medianKm)} km)`,
    });
  } else if (Number.isFinite(km)) {
    reasons.push({ code: 'distance', text: `${roughly(km)} km apart` });
  }
  const cc = graph.countryOf[candidate]!;
  const secondHop = cc >= 0 ? (profile.secondHopByCountry.get(cc) ?? 0) : 0;
  if (secondHop > 0 && place.country) {
    reasons.push({
      code: 'partners_of_partners_country',
      text: `${secondHop} ${secondHop === 1 ? 'partner' : 'partners'} of your partners ${secondHop === 1 ? 'is' : 'are'} in ${countryName(place.country)}`,
    });
  }
  const qc = graph.countryOf[q]!;
  if (qc >= 0 && cc >= 0 && qc !== cc) {
    const pair = graph.countryPairLinks[qc * graph.countries.length + cc]!;
    if (pair > 0)
      reasons.push({
        code: 'country_pair',
        text: `${countryName(qCountry!)} and ${countryName(place.country!)} share ${pair.toLocaleString('en-US')} ${pair === 1 ? 'twinning' : 'twinnings'}`,
      });
  }
  const share = countryShareReason(graph, profile, candidate);
  if (share) reasons.push(share);
  const nearest = nearestWithin(graph, candidate, neighboursOf(graph, q), NEAR_KM);
  if (nearest.length > 0) {
    const [p, pkm] = nearest[0]!;
    reasons.push({
      code: 'near_your_partner',
      text: `${roughly(pkm)} km from your partner ${graph.places[p]!.name}`,
    });
  }
  const theirs = nearestWithin(
    graph,
    q,
    neighboursOf(graph, candidate).filter((p) => p !== q),
    NEAR_KM,
  );
  if (theirs.length > 0) {
    const names = theirs.map(([p]) => graph.places[p]!.name);
    const which = theirs.length <= 3 ? ` (${names.join(', ')})` : '';
    reasons.push({
      code: 'partners_near_you',
      text:
        theirs.length === 1
          ? `1 of its partners${which} is within ${NEAR_KM} km of you`
          : `${theirs.length} of its partners${which} are within ${NEAR_KM} km of you`,
    });
  }
  const seat = graph.seatOf[candidate]!;
  if (seat >= 0 && seat < NO_SEAT && seat === graph.seatOf[q]) {
    reasons.push({
      code: 'same_seat',
      text: seat === 0 ? 'both national capitals' : `both seats of a ${ORDINALS[seat - 1]!}-level division`,
    });
  }
  if (rows[row + F.bothCoastal] === 1) {
    const km = (i: number): string => {
      const d = graph.places[i]!.coastKm!;
      return d < 1 ? 'under 1 km' : `${roughly(d)} km`;
    };
    reasons.push({
      code: 'both_coastal',
      text: `both on the coast (${place.name} ${km(candidate)} from it, you ${km(q)})`,
    });
  }
  const qLogPop = graph.logPopulation[q]!;
  const ofYourSize = Array.from(neighboursOf(graph, candidate)).filter(
    (p) => p !== q && Math.abs(graph.logPopulation[p]! - qLogPop) <= SAME_SIZE_LOG10,
  );
  if (ofYourSize.length > 0) {
    const names = ofYourSize.map((p) => graph.places[p]!.name);
    const which = ofYourSize.length <= 3 ? ` (${names.join(', ')})` : '';
    reasons.push({
      code: 'partners_your_size',
      text:
        ofYourSize.length === 1
          ? `1 of its partners${which} is within a factor of 3 of your population`
          : `${ofYourSize.length} of its partners${which} are within a factor of 3 of your population`,
    });
  }
  reasons.push(...regionReasons(graph, profile, candidate));
  if (!model) return reasons;
  const parts = contributions(model, rows, candidate);
  const weight = (r: Reason): number => REASON_FEATURES[r.code].reduce((sum, f) => sum + parts[F[f]]!, 0);
  return reasons
    .map((r, i) => ({ r, i, w: weight(r) }))
    .sort((x, y) => y.w - x.w || x.i - y.i)
    .map(({ r }) => r);
}

/**
 * How many of the partners of the query's country's other places are in the candidate's country (another
 * country), out of all their partners: the counts of the `countryPairShare` feature, the query's own links left out.
 */
function countryShareReason(
  graph: SuggestGraph,
  profile: QueryProfile,
  candidate: number,
): Reason | undefined {
  const q = profile.query;
  const qc = graph.countryOf[q]!;
  const cc = graph.countryOf[candidate]!;
  if (qc < 0 || cc < 0 || qc === cc) return undefined;
  let toQueryCountry = 0;
  let withCountry = 0;
  let domestic = 0;
  for (const p of neighboursOf(graph, candidate)) {
    const pc = graph.countryOf[p]!;
    if (pc === qc) toQueryCountry++;
    if (pc >= 0) withCountry++;
    if (pc === cc) domestic++;
  }
  const { towards, of } = countryPairShares(graph, profile, candidate, {
    toQueryCountry,
    withCountry,
    domestic,
  }).fromQueryCountry;
  if (towards <= 0) return undefined;
  return {
    code: 'country_share',
    text: `${towards.toLocaleString('en-US')} of the ${of.toLocaleString('en-US')} partners of other places in ${countryName(graph.countries[qc]!)} (you aside) ${towards === 1 ? 'is' : 'are'} in ${countryName(graph.countries[cc]!)}`,
  };
}

/** "N twinnings join …", singular or plural. */
function twinningsJoin(n: number): string {
  return n === 1 ? '1 other twinning joins' : `${n.toLocaleString('en-US')} other twinnings join`;
}

/**
 * The twinnings of other places between the query's first-level division (its region) and the candidate's, from
 * the candidate's region to the query's country, and from the query's region to the candidate's country: the
 * counts `divisionLinkCounts` gives the features, the two places' own links left out.
 */
function regionReasons(graph: SuggestGraph, profile: QueryProfile, candidate: number): Reason[] {
  const q = profile.query;
  const qDivision = graph.divisionOf[q]!;
  let inQueryCountry = 0;
  let inQueryDivision = 0;
  for (const p of neighboursOf(graph, candidate)) {
    if (graph.countryOf[p]! >= 0 && graph.countryOf[p] === graph.countryOf[q]) inQueryCountry++;
    if (qDivision >= 0 && graph.divisionOf[p] === qDivision) inQueryDivision++;
  }
  const counts = divisionLinkCounts(graph, profile, candidate, inQueryCountry, inQueryDivision);
  const out: Reason[] = [];
  if (counts.between > 0 && graph.divisionOf[candidate] !== qDivision)
    out.push({ code: 'region_pair', text: `${twinningsJoin(counts.between)} your region and its region` });
  const qCountry = graph.places[q]!.country;
  if (counts.toQueryCountry > 0 && qCountry)
    out.push({
      code: 'region_to_your_country',
      text: `${twinningsJoin(counts.toQueryCountry)} its region and ${countryName(qCountry)}`,
    });
  const country = graph.places[candidate]!.country;
  if (counts.fromQueryDivision > 0 && country)
    out.push({
      code: 'your_region_to_country',
      text: `${twinningsJoin(counts.fromQueryDivision)} your region and ${countryName(country)}`,
    });
  return out;
}

/** The places of `among` within `km` of place `of`, nearest first (ties by index), with their distances. */
function nearestWithin(
  graph: SuggestGraph,
  of: number,
  among: ArrayLike<number>,
  km: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < among.length; k++) {
    const p = among[k]!;
    const d = haversineKm(graph.lat[of]!, graph.lon[of]!, graph.lat[p]!, graph.lon[p]!);
    if (d <= km) out.push([p, d]);
  }
  return out.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
}
