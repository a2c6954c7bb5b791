import { describe, expect, it } from 'vitest';
import {
  candidateFeatures,
  countryPairShares,
  distanceRanks,
  distancesFrom,
  F,
  FAR_KM,
  FEATURE_COUNT,
  NEAR_KM,
  neighbourhoodScores,
  populationRanks,
  queryProfile,
  UNKNOWN_OTHER_NAMES,
  UNKNOWN_SEAT,
} from '../../../src/core/suggest/features.js';
import { buildSuggestGraph } from '../../../src/core/suggest/graph.js';
import { countryShareGraph, divisionGraph, KM_PER_DEGREE, tinyGraph } from './fixture.js';

const graph = tinyGraph();
const rows = candidateFeatures(graph, 0);
const feature = (place: number, name: keyof typeof F): number => rows[place * FEATURE_COUNT + F[name]]!;

describe('neighbourhood scores', () => {
  it('counts common neighbours, Adamic–Adar and resource allocation by hand', () => {
    const { common, adamicAdar, resourceAllocation } = neighbourhoodScores(graph, 0);
    // Dijon shares Brest and Caen with Toledo, each of two partners.
    expect(common[3]).toBe(2);
    expect(adamicAdar[3]).toBeCloseTo(2 / Math.log(2), 12);
    expect(resourceAllocation[3]).toBeCloseTo(1, 12);
    expect(common[4]).toBe(0);
    expect(common[0]).toBe(0); // the query itself is never its own common neighbour
  });
  it('takes preferential attachment as the log of the candidate degree, and flags places with no partner', () => {
    expect(feature(3, 'logDegree')).toBeCloseTo(Math.log(4), 12);
    expect(feature(5, 'isolated')).toBe(1);
    expect(feature(3, 'isolated')).toBe(0);
  });
});

describe('distance features', () => {
  it('measures great-circle distance and ranks places by it', () => {
    const d = distancesFrom(graph, 0);
    expect(d[3]).toBeCloseTo(3 * KM_PER_DEGREE, 6);
    expect(Number.isNaN(d[5])).toBe(true);
    const ranks = distanceRanks(d, 0);
    expect([ranks[1], ranks[2], ranks[3], ranks[4]]).toEqual([1, 2, 3, 4]);
    expect(feature(3, 'logDistanceRank')).toBeCloseTo(Math.log(3), 12);
    expect(feature(3, 'logDistanceRankInCountry')).toBeCloseTo(Math.log(3), 12); // Brest, Caen, Dijon in France
    expect(feature(4, 'logDistanceRankInCountry')).toBeCloseTo(Math.log(1), 12); // Essen, alone in Germany
  });
  it('compares a distance with the median of the query’s own links', () => {
    const profile = queryProfile(graph, 0);
    const median = (Math.log1p(KM_PER_DEGREE) + Math.log1p(2 * KM_PER_DEGREE)) / 2;
    expect(profile.medianLogDistance).toBeCloseTo(median, 9);
    expect(feature(3, 'distanceProfile')).toBeCloseTo(Math.abs(Math.log1p(3 * KM_PER_DEGREE) - median), 9);
  });
  it('gives an unplaced candidate the typical values and says so', () => {
    expect(feature(5, 'distanceKnown')).toBe(0);
    expect(feature(5, 'distanceProfile')).toBe(0);
  });
});

describe('place features', () => {
  it('compares populations as a difference of log10, unknown counted apart', () => {
    expect(feature(3, 'populationDifference')).toBeCloseTo(Math.log10(310_000 / 300_000), 12);
    expect(feature(3, 'populationKnown')).toBe(1);
    expect(feature(2, 'populationKnown')).toBe(0);
  });
  it('sees the same name, a shared official language, the same country and the same level', () => {
    expect(feature(4, 'sameName')).toBe(1);
    expect(feature(3, 'sameName')).toBe(0);
    expect(feature(5, 'sharedLanguage')).toBe(1); // Austria and Germany: German
    expect(feature(3, 'sharedLanguage')).toBe(0);
    expect(feature(4, 'sameCountry')).toBe(1);
    expect(feature(3, 'sameKind')).toBe(1);
    expect(feature(2, 'sameKind')).toBe(0);
  });
});

describe('size and seat features', () => {
  it('takes the candidate’s and the query’s log10 population, 0 when unknown', () => {
    expect(feature(3, 'logPopulation')).toBeCloseTo(Math.log10(310_000), 12);
    expect(feature(2, 'logPopulation')).toBe(0); // Caen's population is unknown
    expect(feature(5, 'queryLogPopulation')).toBeCloseTo(Math.log10(300_000), 12);
  });
  it('ranks populations within each country, unknown after every known one', () => {
    // France: Dijon 310,000, Brest 140,000, Caen unknown; Germany: Toledo 300,000, Essen 3,000; Austria: Graz unknown.
    expect([...populationRanks(graph)]).toEqual([1, 2, 3, 1, 2, 1]);
    expect(feature(2, 'logPopulationRankInCountry')).toBeCloseTo(Math.log(3), 12);
    expect(feature(4, 'logPopulationRankInCountry')).toBeCloseTo(Math.log(2), 12);
    const tied = buildSuggestGraph(
      [
        { key: 'x', name: 'X', country: 'IT', population: 5_000 },
        { key: 'y', name: 'Y', country: 'IT', population: 9_000 },
        { key: 'z', name: 'Z', country: 'IT', population: 5_000 },
      ],
      [],
    );
    expect([...populationRanks(tied)]).toEqual([2, 1, 2]);
  });
  it('compares a population with the median of the query’s partners’', () => {
    // Toledo's partners: Brest (140,000) and Caen (unknown): the median is Brest's.
    expect(queryProfile(graph, 0).partnerLogPopulation).toBeCloseTo(Math.log10(140_000), 12);
    expect(feature(3, 'populationProfile')).toBeCloseTo(Math.log10(310_000 / 140_000), 12);
    expect(feature(2, 'populationProfile')).toBe(1); // unknown: a factor of ten
  });
  it('counts the candidate’s partners of about the query’s size', () => {
    // Toledo 300,000: Dijon's partners Brest (140,000, within a factor of 10^0.5) and Essen (3,000), Caen unknown.
    expect(feature(3, 'partnersOfQuerySize')).toBeCloseTo(Math.log1p(1), 12);
    expect(feature(4, 'partnersOfQuerySize')).toBeCloseTo(Math.log1p(1), 12); // Essen's partner Dijon
    expect(feature(5, 'partnersOfQuerySize')).toBe(0);
    // From Caen, whose population is unknown, no partner is of its size.
    const fromCaen = candidateFeatures(graph, 2);
    expect(fromCaen[3 * FEATURE_COUNT + F.partnersOfQuerySize]).toBe(0);
  });
  it('takes the seat levels of the candidate and the query, unknown apart', () => {
    expect(feature(5, 'seatLevel')).toBe(0); // Graz, a capital
    expect(feature(1, 'seatLevel')).toBe(2);
    expect(feature(4, 'seatLevel')).toBe(6);
    expect(feature(2, 'seatLevel')).toBe(UNKNOWN_SEAT);
    expect(feature(2, 'querySeatLevel')).toBe(1);
  });
  it('weighs a word shared with the query’s name by its rarity', () => {
    // Toledo (query) and Essen, also named Toledo: the word "toledo" is held by 2 of the 6 places.
    expect(feature(4, 'sharedNameWord')).toBeCloseTo(Math.log(6 / 2), 12);
    expect(feature(3, 'sharedNameWord')).toBe(0); // Dijon
  });
  it('takes how many other names the candidate and the query have, unknown below none', () => {
    expect(feature(1, 'logOtherNames')).toBeCloseTo(Math.log(13), 12); // Brest, 12
    expect(feature(3, 'logOtherNames')).toBe(0); // Dijon, none
    expect(feature(2, 'logOtherNames')).toBe(UNKNOWN_OTHER_NAMES); // Caen, not in the gazetteer
    expect(feature(2, 'queryLogOtherNames')).toBeCloseTo(Math.log(41), 12); // Toledo, 40
    expect(UNKNOWN_OTHER_NAMES).toBeLessThan(0);
  });
});

describe('country and region features', () => {
  it('counts country-pair links and their lift over chance', () => {
    // Germany–France: Toledo–Brest, Toledo–Caen, Dijon–Essen. Link ends: DE 3, FR 7, of 10.
    expect(feature(3, 'countryPairLinks')).toBeCloseTo(Math.log1p(3), 12);
    expect(feature(3, 'countryPairLift')).toBeCloseTo(Math.log(4 / ((3 * 7) / 10 + 1)), 12);
  });
  it('reads the country mix of the query’s partners, of their partners, and of the candidate’s', () => {
    expect(feature(3, 'countryShare')).toBeCloseTo(2 / 3, 12);
    expect(feature(4, 'countryShare')).toBe(0);
    expect(feature(3, 'continentShare')).toBeCloseTo(2 / 3, 12);
    expect(feature(3, 'secondHopCountryShare')).toBeCloseTo(2 / 3, 12); // Dijon twice, of two paths
    expect(feature(3, 'reverseCountryShare')).toBeCloseTo(1 / 4, 12); // Essen of Dijon's three
    expect(feature(3, 'reverseCountryLinks')).toBeCloseTo(Math.log1p(1), 12);
  });
  it('counts links between the query’s region and the candidate’s, leaving out the query’s own', () => {
    // Around Toledo (cells of lon −1..1): Brest–Dijon is the one link not Toledo's; Dijon's region (lon 2..4) holds Dijon.
    expect(feature(3, 'regionPairLinks')).toBeCloseTo(Math.log1p(1), 12);
    expect(feature(4, 'regionPairLinks')).toBe(0);
  });
});

describe('network and neighbourhood-in-space features', () => {
  it('counts walks of three steps from the query, none through the query at their last step', () => {
    // Toledo → Brest → Dijon → Essen and Toledo → Caen → Dijon → Essen: two walks to Essen.
    expect(feature(4, 'threeHopPaths')).toBeCloseTo(Math.log1p(2), 12);
    // Brest and Caen are reached back from Dijon: Toledo → Caen → Dijon → Brest (and the same for Caen).
    expect(feature(1, 'threeHopPaths')).toBeCloseTo(Math.log1p(2), 12);
    expect(feature(5, 'threeHopPaths')).toBe(0);
    expect(feature(3, 'threeHopPaths')).toBe(0); // Dijon is two steps away, never three
  });
  it('measures the km to the query’s nearest partner, and to the candidate’s partner nearest the query', () => {
    // Dijon (3° E) is one degree from Caen (2° E); Essen (10° E) eight.
    expect(feature(3, 'logKmToQueryPartner')).toBeCloseTo(Math.log1p(KM_PER_DEGREE), 6);
    expect(feature(4, 'logKmToQueryPartner')).toBeCloseTo(Math.log1p(8 * KM_PER_DEGREE), 6);
    expect(feature(5, 'logKmToQueryPartner')).toBeCloseTo(Math.log1p(FAR_KM), 12); // Graz has no coordinates
    // Essen's one partner, Dijon, is three degrees from Toledo; Dijon's nearest partner to Toledo is Brest.
    expect(feature(4, 'logKmFromCandidatePartner')).toBeCloseTo(Math.log1p(3 * KM_PER_DEGREE), 6);
    expect(feature(3, 'logKmFromCandidatePartner')).toBeCloseTo(Math.log1p(KM_PER_DEGREE), 6);
    expect(feature(5, 'logKmFromCandidatePartner')).toBeCloseTo(Math.log1p(FAR_KM), 12);
    // 111 km is beyond NEAR_KM: no partner is near.
    expect(NEAR_KM).toBeLessThan(KM_PER_DEGREE);
    expect(feature(3, 'queryPartnersNearCandidate')).toBe(0);
    expect(feature(4, 'candidatePartnersNearQuery')).toBe(0);
  });
  it('counts partners within NEAR_KM on both sides', () => {
    // Q at 0° with partner P at 0.5° E; C at 1° E, twinned with R at 0.3° E.
    const g = buildSuggestGraph(
      [
        { key: 'q', name: 'Q', country: 'DE', lat: 0, lon: 0 },
        { key: 'p', name: 'P', country: 'FR', lat: 0, lon: 0.5 },
        { key: 'c', name: 'C', country: 'PL', lat: 0, lon: 1 },
        { key: 'r', name: 'R', country: 'FR', lat: 0, lon: 0.3 },
      ],
      [
        [0, 1],
        [2, 3],
      ],
    );
    const r = candidateFeatures(g, 0);
    const at = (i: number, name: keyof typeof F): number => r[i * FEATURE_COUNT + F[name]]!;
    expect(at(2, 'queryPartnersNearCandidate')).toBe(1); // P is 56 km from C
    expect(at(2, 'candidatePartnersNearQuery')).toBe(1); // R is 33 km from Q
    expect(at(2, 'logKmFromCandidatePartner')).toBeCloseTo(Math.log1p(0.3 * KM_PER_DEGREE), 6);
    expect(at(2, 'partnerCountryOverlap')).toBe(1); // R is in France, as Q's partner P
    expect(at(3, 'partnerCountryOverlap')).toBe(0); // R's partner C is in Poland
  });
  it('takes the share of the candidate’s partners in the countries of the query’s, and the query’s degree', () => {
    // Toledo's partners are French; Dijon's are Brest, Caen (FR) and Essen (DE).
    expect(feature(3, 'partnerCountryOverlap')).toBeCloseTo(2 / 3, 12);
    expect(feature(4, 'partnerCountryOverlap')).toBe(1); // Essen's one partner, Dijon, is French
    expect(feature(5, 'partnerCountryOverlap')).toBe(0);
    expect(feature(5, 'queryLogDegree')).toBeCloseTo(Math.log1p(2), 12);
  });
});

describe('first-level division features', () => {
  // Query Q; the divisions and links of divisionGraph (fixture.ts).
  const g = divisionGraph();
  const r = candidateFeatures(g, 0);
  const at = (place: number, name: keyof typeof F): number => r[place * FEATURE_COUNT + F[name]]!;
  it('counts the links between divisions and towards countries once each', () => {
    const de01 = g.divisions.indexOf('DE.01');
    const frA = g.divisions.indexOf('FR.A');
    expect(g.divisionLinks.get(de01)!.get(frA)).toBe(3); // Q–Y, P–Y, P–X
    expect(g.divisionLinks.get(frA)!.get(de01)).toBe(3);
    expect(g.divisionCountryLinks.get(frA)!.get(g.countries.indexOf('DE'))).toBe(5);
    expect(g.divisionOf[5]).toBe(-1);
  });
  it('sees the same division as the query', () => {
    expect(at(1, 'sameDivision')).toBe(1);
    expect([at(2, 'sameDivision'), at(6, 'sameDivision'), at(5, 'sameDivision')]).toEqual([0, 0, 0]);
  });
  it('counts links between the two divisions, leaving out the query’s and the candidate’s own', () => {
    // DE.01–FR.A: Q–Y is the query's, P–X the candidate X's: P–Y is left.
    expect(at(2, 'divisionPairLinks')).toBeCloseTo(Math.log1p(1), 12);
    // DE.01–FR.B: Q–Z alone, the query's own.
    expect(at(7, 'divisionPairLinks')).toBe(0);
    expect(at(5, 'divisionPairLinks')).toBe(0); // U's division unknown
  });
  it('counts links from the candidate’s division to the query’s country, leaving out both places’ own', () => {
    // FR.A to Germany: Q–Y, P–Y, P–X, W–X, W–Y; X's own P–X and W–X and the query's Q–Y out: P–Y and W–Y.
    expect(at(2, 'divisionToQueryCountry')).toBeCloseTo(Math.log1p(2), 12);
    // FR.B to Germany: Q–Z alone, the query's own.
    expect(at(7, 'divisionToQueryCountry')).toBe(0);
  });
  it('counts links from the query’s division to the candidate’s country, leaving out both places’ own', () => {
    // DE.01 to France: Q–Z, Q–Y (the query's), P–Y, P–X (X's own into DE.01).
    expect(at(2, 'queryDivisionToCountry')).toBeCloseTo(Math.log1p(1), 12);
    expect(at(7, 'queryDivisionToCountry')).toBeCloseTo(Math.log1p(2), 12);
    expect(at(6, 'queryDivisionToCountry')).toBe(0); // W is German: no link joins DE.01 to Germany
  });
  it('takes the share of the candidate’s division’s places with a partner, -1 when unknown', () => {
    expect(at(2, 'divisionLinkedShare')).toBe(1); // X and Y
    expect(at(7, 'divisionLinkedShare')).toBe(0.5); // Z, not T
    expect(at(5, 'divisionLinkedShare')).toBe(-1);
  });
});

describe('country-pair shares', () => {
  // Query A (DE), partner C (FR); the links of countryShareGraph (fixture.ts).
  const g = countryShareGraph();
  const r = candidateFeatures(g, 0);
  const at = (place: number, name: keyof typeof F): number => r[place * FEATURE_COUNT + F[name]]!;
  it('takes the share of the query country’s link ends towards the candidate’s, the query’s own left out', () => {
    // Germany's six ends less A's one: B's four (C, D, E, F) and F's one (B). Two go to France, one to Austria,
    // two to Germany (the link F–B has both its ends there).
    expect(at(3, 'countryPairShare')).toBeCloseTo(2 / 5, 12);
    expect(at(2, 'countryPairShare')).toBeCloseTo(2 / 5, 12);
    expect(at(4, 'countryPairShare')).toBeCloseTo(1 / 5, 12);
    expect(at(5, 'countryPairShare')).toBeCloseTo(2 / 5, 12);
    expect(at(6, 'countryPairShare')).toBe(0); // G has no country
  });
  it('takes the share of the candidate country’s link ends towards the query’s, the candidate’s own left out', () => {
    // France's five ends less D's (B, C, and C's end of C–D): C's ends of A–C and B–C, both towards Germany.
    expect(at(3, 'reverseCountryPairShare')).toBe(1);
    // Less C's (A, B, D, and D's end of C–D): D's end of B–D, towards Germany.
    expect(at(2, 'reverseCountryPairShare')).toBe(1);
    // Austria's one end is E's own: none left.
    expect(at(4, 'reverseCountryPairShare')).toBe(0);
    // Germany's six less F's (B, and B's end of F–B): B's ends towards C, D, E and A's towards C; none to Germany.
    expect(at(5, 'reverseCountryPairShare')).toBe(0);
    // Less B's (C, D, E, F, and F's end of F–B): A's one end, towards France.
    expect(at(1, 'reverseCountryPairShare')).toBe(0);
    expect(at(6, 'reverseCountryPairShare')).toBe(0);
  });
  it('counts the ends and leaves the query’s own links out', () => {
    const profile = queryProfile(g, 0);
    expect(countryPairShares(g, profile, 3, { toQueryCountry: 1, withCountry: 2, domestic: 1 })).toEqual({
      fromQueryCountry: { towards: 2, of: 5, share: 2 / 5 },
      fromCandidateCountry: { towards: 2, of: 2, share: 1 },
    });
  });
});
