import { describe, expect, it } from 'vitest';
import { candidateFeatures, queryProfile } from '../../../src/core/suggest/features.js';
import { commonPartners, reasonsFor, roughly, shortestPath } from '../../../src/core/suggest/reasons.js';
import { buildSuggestGraph } from '../../../src/core/suggest/graph.js';
import { heuristicModel } from '../../../src/core/suggest/model.js';
import { F } from '../../../src/core/suggest/features.js';
import { countryShareGraph, divisionGraph, tinyGraph } from './fixture.js';

const graph = tinyGraph();
const profile = queryProfile(graph, 0);
const rows = candidateFeatures(graph, 0, profile);
const texts = (candidate: number): string[] => reasonsFor(graph, profile, rows, candidate).map((r) => r.text);

describe('reasons in words', () => {
  it('names the shared partners and counts them', () => {
    expect(commonPartners(graph, 0, 3)).toEqual([1, 2]);
    expect(texts(3)).toContain('2 of your partners (Brest, Caen) are partners of Dijon');
  });
  it('names a shortest chain of three or four twinnings where no partner is shared', () => {
    // Toledo – Brest – Dijon – Essen, and as short through Caen: the first found takes Brest (index 1).
    expect(shortestPath(graph, 0, 4, 4)).toEqual([0, 1, 3, 4]);
    expect(texts(4)).toContain('3 twinnings from you, through Brest and Dijon');
    expect(shortestPath(graph, 0, 4, 2)).toBeUndefined();
    expect(shortestPath(graph, 0, 5, 4)).toBeUndefined(); // Graz has no partner
    expect(texts(3).some((t) => t.includes('twinnings from you'))).toBe(false); // Dijon shares two partners
  });
  it('says both are on the coast only when both are within 10 km of it', () => {
    const coastal = buildSuggestGraph(
      [
        { key: 'q', name: 'Q', country: 'FR', lat: 0, lon: 0, coastKm: 0.4 },
        { key: 'a', name: 'A', country: 'FR', lat: 0, lon: 1, coastKm: 6.2 },
        { key: 'b', name: 'B', country: 'FR', lat: 0, lon: 2, coastKm: 12 },
      ],
      [],
    );
    const p = queryProfile(coastal, 0);
    const r = candidateFeatures(coastal, 0, p);
    const say = (i: number) => reasonsFor(coastal, p, r, i).filter((x) => x.code === 'both_coastal');
    expect(say(1).map((x) => x.text)).toEqual(['both on the coast (A 6 km from it, you under 1 km)']);
    expect(say(2)).toEqual([]);
  });
  it('says two places are about the same size only within a factor of 1.5', () => {
    expect(texts(3)).toContain('both about 310,000 people'); // (300,000 + 310,000) / 2, two figures
    expect(texts(4).some((t) => t.includes('people'))).toBe(false); // 3,000 against 300,000
  });
  it('says the same name, the shared language and the distance against the query’s links', () => {
    expect(texts(4)).toContain('both named Toledo');
    expect(texts(5)).toContain('same official language (German)');
    // Dijon is 334 km away; Toledo's links are 111 and 222 km (the median of the logs: 157 km, further than twice away).
    expect(texts(3)).toContain("330 km apart (your links' median is 160 km)");
    expect(texts(4)).toContain("1,100 km apart (your links' median is 160 km)");
  });
  it('says the rarest word two names share, as the candidate spells it, and not beside the same name', () => {
    const g = buildSuggestGraph(
      [
        { key: 'ffm', name: 'Frankfurt am Main', country: 'DE' },
        { key: 'ffo', name: 'Frankfurt (Oder)', country: 'DE' },
        { key: 'main', name: 'Main', country: 'DE' },
        { key: 'ffm2', name: 'Frankfurt am Main', country: 'DE' },
        { key: 'halle', name: 'Halle (Saale)', country: 'DE' },
      ],
      [],
    );
    const p = queryProfile(g, 0);
    const r = candidateFeatures(g, 0, p);
    const say = (c: number): string[] => reasonsFor(g, p, r, c).map((x) => x.text);
    // frankfurt is held by 3 of 5 places, main by 3 of 5: the first of equally rare words.
    expect(say(1)).toContain('“Frankfurt” in both names');
    expect(say(2)).toContain('“Main” in both names');
    expect(say(3)).toContain('both named Frankfurt am Main');
    expect(say(3).some((t) => t.includes('in both names'))).toBe(false);
    expect(say(4).some((t) => t.includes('in both names'))).toBe(false);
  });
  it('counts partners of partners in the candidate’s country and the twinnings of the two countries', () => {
    expect(texts(3)).toContain('2 partners of your partners are in France');
    expect(texts(3)).toContain('Germany and France share 3 twinnings');
  });
  it('counts the partners of other places in the query’s country that are in the candidate’s', () => {
    // countryShareGraph: Germany's ends less A's own are B's four (C, D, E, F) and F's one (B).
    const g = countryShareGraph();
    const p = queryProfile(g, 0);
    const r = candidateFeatures(g, 0, p);
    const say = (candidate: number): string[] =>
      reasonsFor(g, p, r, candidate)
        .filter((x) => x.code === 'country_share')
        .map((x) => x.text);
    expect(say(3)).toEqual(['2 of the 5 partners of other places in Germany (you aside) are in France']);
    expect(say(4)).toEqual(['1 of the 5 partners of other places in Germany (you aside) is in Austria']);
    expect(say(5)).toEqual([]); // the same country
    expect(say(6)).toEqual([]); // no country
  });
  it('names the query’s partner near the candidate and the candidate’s partners near the query', () => {
    // Q at 0° with partner P at 0.5° E (55.6 km); C at 1° E, twinned with R at 0.3° E (33.4 km from Q) and with
    // S at 2° E (222 km from Q, too far to count).
    const g = buildSuggestGraph(
      [
        { key: 'q', name: 'Q', country: 'DE', lat: 0, lon: 0 },
        { key: 'p', name: 'P', country: 'FR', lat: 0, lon: 0.5 },
        { key: 'c', name: 'C', country: 'PL', lat: 0, lon: 1 },
        { key: 'r', name: 'R', country: 'FR', lat: 0, lon: 0.3 },
        { key: 's', name: 'S', country: 'FR', lat: 0, lon: 2 },
      ],
      [
        [0, 1],
        [2, 3],
        [2, 4],
      ],
    );
    const p = queryProfile(g, 0);
    const said = reasonsFor(g, p, candidateFeatures(g, 0, p), 2).map((r) => r.text);
    expect(said).toContain('56 km from your partner P');
    expect(said).toContain('1 of its partners (R) is within 100 km of you');
    // Toledo's partners are 8 and 9 degrees from Essen: neither is near.
    expect(texts(4).some((t) => t.includes('from your partner'))).toBe(false);
  });
  it('says both are seats of government of one level, capitals apart', () => {
    // Toledo and Dijon: seats of first-level divisions; Brest of a second-level one; Essen no seat.
    expect(texts(3)).toContain('both seats of a first-level division');
    expect(texts(1).some((t) => t.startsWith('both seats'))).toBe(false);
    const capitals = buildSuggestGraph(
      [
        { key: 'q', name: 'Q', country: 'DE', seat: 0 },
        { key: 'c', name: 'C', country: 'PL', seat: 0 },
        { key: 'n', name: 'N', country: 'PL', seat: 6 },
        { key: 'm', name: 'M', country: 'CZ', seat: 6 },
      ],
      [],
    );
    const p = queryProfile(capitals, 0);
    const r = candidateFeatures(capitals, 0, p);
    expect(reasonsFor(capitals, p, r, 1).map((x) => x.text)).toEqual(['both national capitals']);
    // Two places that are no seat share nothing to say.
    const fromN = queryProfile(capitals, 2);
    expect(reasonsFor(capitals, fromN, candidateFeatures(capitals, 2, fromN), 3)).toEqual([]);
  });
  it('counts the candidate’s partners within a factor of 3 of the query’s population', () => {
    // Toledo 300,000: Dijon's partners Brest (140,000) and Essen (3,000), Caen unknown; Essen's partner Dijon 310,000.
    expect(texts(3)).toContain('1 of its partners (Brest) is within a factor of 3 of your population');
    expect(texts(4)).toContain('1 of its partners (Dijon) is within a factor of 3 of your population');
  });
  it('counts the twinnings of other places between the two regions and from each region to the other’s country', () => {
    // divisionGraph: Q (DE.01) asks; X (FR.A) is twinned with P (DE.01) and W (DE.02), Y (FR.A) with Q, P and W.
    const g = divisionGraph();
    const p = queryProfile(g, 0);
    const r = candidateFeatures(g, 0, p);
    const say = (c: number, code: string): string[] =>
      reasonsFor(g, p, r, c)
        .filter((x) => x.code === code)
        .map((x) => x.text);
    // DE.01–FR.A: Q–Y is the query's own and P–X the candidate's; P–Y is the other.
    expect(say(2, 'region_pair')).toEqual(['1 other twinning joins your region and its region']);
    // FR.A–Germany, Q–Y and X's own left out: P–Y and W–Y.
    expect(say(2, 'region_to_your_country')).toEqual(['2 other twinnings join its region and Germany']);
    // DE.01–France, Q's own and X's own left out: P–Y.
    expect(say(2, 'your_region_to_country')).toEqual(['1 other twinning joins your region and France']);
    // T (FR.B, no partner): Q–Z alone joins DE.01 and FR.B, and FR.B and Germany; DE.01–France: P–Y and P–X.
    expect(say(7, 'region_pair')).toEqual([]);
    expect(say(7, 'region_to_your_country')).toEqual([]);
    expect(say(7, 'your_region_to_country')).toEqual(['2 other twinnings join your region and France']);
    // P shares Q's region: no reason of two regions; U's region is unknown.
    expect(say(1, 'region_pair')).toEqual([]);
    expect(say(5, 'region_to_your_country')).toEqual([]);
  });
  it('orders the reasons by what their features add to the score under the model, most first', () => {
    const onlyName = heuristicModel();
    const weights = onlyName.weights.map(() => 0);
    weights[F.sameName] = 1;
    const byName = { ...onlyName, weights };
    const byDistance = { ...onlyName, weights: weights.map((w, j) => (j === F.logDistance ? 1 : w)) };
    // Essen: the same name adds 1; the distance, log(1 + 1,112 km) ≈ 7.0, nothing under the first model and 7.0
    // under the second.
    expect(reasonsFor(graph, profile, rows, 4, byName).map((r) => r.code)).toEqual([
      'same_name',
      'network_path',
      'distance',
      'partners_your_size',
    ]);
    expect(reasonsFor(graph, profile, rows, 4, byDistance).map((r) => r.code)).toEqual([
      'distance',
      'same_name',
      'network_path',
      'partners_your_size',
    ]);
    // Without a model, the fixed order: partners (or a chain of twinnings), size, name, language, distance,
    // countries, near places, seats, partners of the query's size.
    expect(reasonsFor(graph, profile, rows, 4).map((r) => r.code)).toEqual([
      'network_path',
      'same_name',
      'distance',
      'partners_your_size',
    ]);
  });
  it('rounds to two significant figures', () => {
    expect(roughly(1234)).toBe('1,200');
    expect(roughly(7)).toBe('7');
    expect(roughly(305_000)).toBe('310,000');
  });
});
