import { describe, expect, it } from 'vitest';
import { candidateFeatures, queryProfile } from '../../../src/core/suggest/features.js';
import { commonPartners, reasonsFor, roughly } from '../../../src/core/suggest/reasons.js';
import { tinyGraph } from './fixture.js';

const graph = tinyGraph();
const profile = queryProfile(graph, 0);
const rows = candidateFeatures(graph, 0, profile);
const texts = (candidate: number): string[] => reasonsFor(graph, profile, rows, candidate).map((r) => r.text);

describe('reasons in words', () => {
  it('names the shared partners and counts them', () => {
    expect(commonPartners(graph, 0, 3)).toEqual([1, 2]);
    expect(texts(3)).toContain('2 of your partners (Brest, Caen) are partners of Dijon');
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
  it('counts partners of partners in the candidate’s country and the twinnings of the two countries', () => {
    expect(texts(3)).toContain('2 partners of your partners are in France');
    expect(texts(3)).toContain('Germany and France share 3 twinnings');
  });
  it('rounds to two significant figures', () => {
    expect(roughly(1234)).toBe('1,200');
    expect(roughly(7)).toBe('7');
    expect(roughly(305_000)).toBe('310,000');
  });
});
