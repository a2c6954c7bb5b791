import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/ingest/import/collect.js';
import type { SourcePlace } from '../../src/ingest/sources/records.js';
import type { Point } from '../../src/core/geo.js';
import { unitKeys, type PointUnits } from '../../bench/identity-stats.js';
import {
  CHECK,
  coarsePoint,
  judgeEnd,
  SESSION8_CHECK,
  SESSION9_CHECK,
  unitPoint,
} from '../../bench/link-accuracy-check.js';
import { nameKey, type SourceFacts } from '../../bench/source-facts.js';

// The link check's rules for a list's own point (bench/link-accuracy.ts), on lines of the shared Wikipedia list
// (`twin_cities.csv`) and the gazetteer's places (GeoNames cities500).

/** Facts holding only the geocoded list's places given (no Wikidata place, no shared point). */
function factsOf(...places: SourcePlace[]): SourceFacts {
  return {
    bySource: new Map([
      [
        'wikipedia-lists-geocoded',
        { places: new Map(places.map((p) => [placeKey(p), p])), statements: [], rowsRead: 0 },
      ],
    ]),
    qidFacts: new Map(),
    sharedPoints: new Set(),
    qidByName: new Map(),
  };
}

describe('a list point given to whole tenths of a degree', () => {
  // "Palermo,Italy,38.1111,13.3517,Sestu,Italy,40,9": Sardinia's middle, 78 km from Sestu (GeoNames 39.29846,
  // 9.09248).
  const sestu: SourcePlace = { name: 'Sestu', country: 'Italy', lat: 40, lon: 9 };
  const match = { key: 'sestu-it', country: 'IT', lat: 39.29846, lon: 9.09248 };
  const inItaly = (): string => 'IT';

  it('is coarse; a point to four decimals is not', () => {
    expect(coarsePoint({ lat: 40, lon: 9 })).toBe(true);
    expect(coarsePoint({ lat: 37.5, lon: 14 })).toBe(true);
    expect(coarsePoint({ lat: 38.1111, lon: 13.3517 })).toBe(false);
    expect(coarsePoint({ lat: 40.65, lon: 35.8331 })).toBe(false);
  });

  it('is no evidence: the end is judged by the stated country, as one without a point', () => {
    expect(judgeEnd(match, [sestu], factsOf(sestu), inItaly, SESSION8_CHECK).verdict).toBe('wrong');
    expect(judgeEnd(match, [sestu], factsOf(sestu), inItaly, CHECK).verdict).toBe('right');
    const abroad = { ...match, country: 'FR' };
    expect(judgeEnd(abroad, [sestu], factsOf(sestu), inItaly, CHECK).verdict).toBe('wrong');
  });

  it('leaves a precise point the evidence it was', () => {
    const precise = { ...sestu, lat: 39.2985, lon: 9.0925 };
    expect(judgeEnd(match, [precise], factsOf(precise), inItaly, CHECK).verdict).toBe('right');
    const far = { ...sestu, lat: 40.1234, lon: 9.0111 };
    expect(judgeEnd(match, [far], factsOf(far), inItaly, CHECK).verdict).toBe('wrong');
  });
});

describe('a list point in another country than the list states', () => {
  // "Wallern an der Trattnach,Austria,...,Wallern im Burgenland,Germany,47.7333,16.9333": the point is Wallern
  // im Burgenland, Austria (GeoNames 47.72847, 16.93706); the list's country says Germany.
  const wallern: SourcePlace = {
    name: 'Wallern im Burgenland',
    country: 'Germany',
    lat: 47.7333,
    lon: 16.9333,
  };
  const match = { key: 'wallern-im-burgenland-at', country: 'AT', lat: 47.72847, lon: 16.93706 };
  const inAustria = (): string => 'AT';

  it('and its country contradict each other: the end is uncheckable without a Wikidata place, not wrong', () => {
    expect(judgeEnd(match, [wallern], factsOf(wallern), inAustria, SESSION8_CHECK).verdict).toBe('wrong');
    expect(judgeEnd(match, [wallern], factsOf(wallern), inAustria, CHECK).verdict).toBe('uncheckable');
  });

  it('is judged by the one Wikidata 2026 place of its name and country where there is one', () => {
    const facts = factsOf(wallern);
    facts.qidByName.set(`${nameKey(wallern)}|DE`, 'Q1');
    facts.qidFacts.set('Q1', { lat: 50, lon: 10, country: 'DE' });
    expect(judgeEnd(match, [wallern], facts, inAustria, CHECK).verdict).toBe('wrong');
  });
});

describe('a list point that is a unit named after the place', () => {
  // "Bad Soden,Germany,50.1333,8.5,Franklin,United States,33.2003,-95.2232": the point is 1.3 km from Mount
  // Vernon, seat of Franklin County, Texas (GeoNames 4713032's admin2 "Franklin County"); no GeoNames place
  // called Franklin lies within 25 km of it. The match is GeoNames' Franklin, Tennessee (35.92506, -86.86889).
  const franklin: SourcePlace = { name: 'Franklin', country: 'United States', lat: 33.2003, lon: -95.2232 };
  const match = { key: 'franklin-us', country: 'US', lat: 35.92506, lon: -86.86889 };
  const inUs = (): string => 'US';
  // The gazetteer round the point: Mount Vernon lies in Texas and in Franklin County.
  const franklinCounty: PointUnits = {
    unitKeysAt: () => [...unitKeys('Texas'), ...unitKeys('Franklin County')],
    namedWithin: () => false,
  };

  it('is found by the unit named after the place, not where a place of the name lies near it', () => {
    expect(unitKeys('Franklin County')).toContain('franklin');
    expect(unitPoint(franklin, franklin as Point, franklinCounty)).toBe(true);
    expect(unitPoint(franklin, franklin as Point, { ...franklinCounty, namedWithin: () => true })).toBe(
      false,
    );
    const other: PointUnits = { ...franklinCounty, unitKeysAt: () => unitKeys('Titus County') };
    expect(unitPoint(franklin, franklin as Point, other)).toBe(false);
  });

  it('judges a match far from it by the stated country when Wikidata names no one place', () => {
    const facts = factsOf(franklin);
    expect(judgeEnd(match, [franklin], facts, inUs, SESSION9_CHECK, franklinCounty).verdict).toBe('wrong');
    expect(judgeEnd(match, [franklin], facts, inUs, CHECK, franklinCounty).verdict).toBe('right');
    expect(
      judgeEnd({ ...match, country: 'CA' }, [franklin], facts, inUs, CHECK, franklinCounty).verdict,
    ).toBe('wrong');
    // Without the gazetteer round the point, nothing is set aside.
    expect(judgeEnd(match, [franklin], facts, inUs, CHECK).verdict).toBe('wrong');
  });

  it('keeps a match at the unit right, and Wikidata 2026 the judge where it names one place of the name', () => {
    const atCounty = { key: 'franklin-county-us', country: 'US', lat: 33.18, lon: -95.22 };
    expect(judgeEnd(atCounty, [franklin], factsOf(franklin), inUs, CHECK, franklinCounty).verdict).toBe(
      'right',
    );
    // Wikidata 2026's one Franklin in the United States is Q983769, Franklin, Indiana (39.4897, -86.0567).
    const facts = factsOf(franklin);
    facts.qidByName.set(`${nameKey(franklin)}|US`, 'Q983769');
    facts.qidFacts.set('Q983769', { lat: 39.4897, lon: -86.0567, country: 'US' });
    expect(judgeEnd(match, [franklin], facts, inUs, CHECK, franklinCounty).verdict).toBe('wrong');
    const indiana = { ...match, lat: 39.48061, lon: -86.05499 };
    expect(judgeEnd(indiana, [franklin], facts, inUs, CHECK, franklinCounty).verdict).toBe('right');
  });
});
