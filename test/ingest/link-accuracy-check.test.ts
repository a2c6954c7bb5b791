import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/ingest/import/collect.js';
import type { SourcePlace } from '../../src/ingest/sources/records.js';
import type { Point } from '../../src/core/geo.js';
import { unitKeys, type PointUnits } from '../../bench/identity-stats.js';
import {
  CHECK,
  coarsePoint,
  judgeEnd,
  partnerPlace,
  SESSION8_CHECK,
  SESSION9_CHECK,
  SESSION10_CHECK,
  seatUnitPoint,
  unitPoint,
} from '../../bench/link-accuracy-check.js';
import { aliasKey, nameKey, type SourceFacts } from '../../bench/source-facts.js';

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
    listAliases: aliasesOf(places),
    listPartners: new Map(),
  };
}

/** The places by what their qualified names say, as `readSourceFacts` files them. */
function aliasesOf(places: SourcePlace[]): Map<string, SourcePlace[]> {
  const out = new Map<string, SourcePlace[]>();
  for (const p of places) {
    const k = aliasKey(p);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), p]);
  }
  return out;
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

describe('a list point at the middle of the unit its seat names', () => {
  // twin_cities.csv:14584 "Nishapur,Iran,36.2061,58.7933,Shahin Shahr,Iran,33.3628,51.1936": the middle of
  // Shahin Shahr and Meymeh County, 65 km from the city. GeoNames 417472 Shāhīn Shahr (32.85788, 51.5529) is a
  // PPLA2 in Isfahan (IR.28), the one seat of the name in Iran; the place nearest the point, Alavijeh (144263,
  // 33.0548, 51.08331), lies in Isfahan too, and no place called Shahin Shahr lies within 25 km of the point.
  const shahinShahr: SourcePlace = { name: 'Shahin Shahr', country: 'Iran', lat: 33.3628, lon: 51.1936 };
  const seat = { lat: 32.85788, lon: 51.5529, admin1: 'IR.28' };
  const match = { key: 'shahin-shahr-ir', country: 'IR', lat: 32.85788, lon: 51.5529 };
  const inIran = (): string => 'IR';
  const isfahan: PointUnits = {
    unitKeysAt: () => unitKeys('Isfahan'),
    namedWithin: () => false,
    admin1At: () => 'IR.28',
    seatsNamed: (key, country) => (key === 'shahin shahr' && country === 'IR' ? [seat] : []),
  };

  it("is taken for the seat's unit: the seat is a reference beside the point", () => {
    expect(seatUnitPoint(shahinShahr, shahinShahr as Point, isfahan)).toEqual({
      lat: 32.85788,
      lon: 51.5529,
    });
    const facts = factsOf(shahinShahr);
    expect(judgeEnd(match, [shahinShahr], facts, inIran, SESSION10_CHECK, isfahan).verdict).toBe('wrong');
    expect(judgeEnd(match, [shahinShahr], facts, inIran, CHECK, isfahan).verdict).toBe('right');
    // A match at neither the seat nor the point stays wrong: the reading adds a reference and no leniency.
    const elsewhere = { ...match, lat: 34.0, lon: 51.45 };
    expect(judgeEnd(elsewhere, [shahinShahr], facts, inIran, CHECK, isfahan).verdict).toBe('wrong');
  });

  it("adds nothing where Wikidata 2026's one place of the name confirms the point", () => {
    // twin_cities.csv:12935 "Rhodes,Greece,36.17,27.92,Ávila,…" and wikidata-2026/nodes.tsv:2660 "Q43048 Rhodes
    // 27.92 36.17 … GR": both at the island's middle, 40 km from Ródos (GeoNames 400666, 36.43556, 28.22199, a
    // PPLA2), the match. The Q-id's own ends are judged by Wikidata's point, so the list's are too.
    const rhodes: SourcePlace = { name: 'Rhodes', country: 'Greece', lat: 36.17, lon: 27.92 };
    const rodos = { lat: 36.43556, lon: 28.22199, admin1: 'GR.ESYE42' };
    const dodecanese: PointUnits = {
      unitKeysAt: () => [],
      namedWithin: () => false,
      admin1At: () => 'GR.ESYE42',
      seatsNamed: (key) => (key === 'rhodes' ? [rodos] : []),
    };
    const atTown = { key: 'rodos-gr', country: 'GR', lat: 36.43556, lon: 28.22199 };
    const alone = factsOf(rhodes);
    expect(judgeEnd(atTown, [rhodes], alone, () => 'GR', CHECK, dodecanese).verdict).toBe('right');
    const facts = factsOf(rhodes);
    facts.qidByName.set(`${nameKey(rhodes)}|GR`, 'Q43048');
    facts.qidFacts.set('Q43048', { lat: 36.17, lon: 27.92, country: 'GR' });
    expect(judgeEnd(atTown, [rhodes], facts, () => 'GR', CHECK, dodecanese).verdict).toBe('wrong');
  });

  it('is not where a place of the name lies near the point, the seat is not one, in another unit, or far', () => {
    const point = shahinShahr as Point;
    expect(seatUnitPoint(shahinShahr, point, { ...isfahan, namedWithin: () => true })).toBeUndefined();
    expect(
      seatUnitPoint(shahinShahr, point, { ...isfahan, seatsNamed: () => [seat, { ...seat, lat: 36 }] }),
    ).toBeUndefined();
    expect(seatUnitPoint(shahinShahr, point, { ...isfahan, admin1At: () => 'IR.04' })).toBeUndefined();
    expect(seatUnitPoint(shahinShahr, { lat: 34.0, lon: 50.0 }, isfahan)).toBeUndefined();
  });
});

describe("a qualified list place's other spelling", () => {
  // twin_cities.csv:16475 "Joniškis – Žagarė,Lithuania,55.9319,23.3142,Bienvenida,Spain,…": Lithuania's page
  // names Žagarė in Joniškis district; the geocoder put it at Šiauliai, 48 km from Žagarė. Line 875
  // "Lassee,Austria,48.2167,16.8167,Žagarė (Joniškis),Lithuania,56.3667,23.25": the same place as its partners'
  // pages write it, at Žagarė (GeoNames 592942, 56.36149, 23.25094).
  const dashed: SourcePlace = { name: 'Joniškis – Žagarė', country: 'Lithuania', lat: 55.9319, lon: 23.3142 };
  const bracketed: SourcePlace = {
    name: 'Žagarė (Joniškis)',
    country: 'Lithuania',
    lat: 56.3667,
    lon: 23.25,
  };
  const match = { key: 'zagare-lt', country: 'LT', lat: 56.36149, lon: 23.25094 };
  const inLithuania = (): string => 'LT';

  it('says the same place: the same name, qualifiers and country, written another way', () => {
    expect(aliasKey(dashed)).toBe(aliasKey(bracketed));
    expect(aliasKey({ ...bracketed, name: 'Žagarė (Akmenė)' })).not.toBe(aliasKey(dashed));
    expect(aliasKey({ ...bracketed, country: 'Latvia' })).not.toBe(aliasKey(dashed));
    expect(aliasKey({ ...bracketed, name: 'Žagarė' })).toBeUndefined();
  });

  it('lends its point', () => {
    const facts = factsOf(dashed, bracketed);
    expect(judgeEnd(match, [dashed], facts, inLithuania, SESSION10_CHECK).verdict).toBe('wrong');
    expect(judgeEnd(match, [dashed], facts, inLithuania, CHECK).verdict).toBe('right');
    // Without the other spelling in the list, the end stays as it was.
    expect(judgeEnd(match, [dashed], factsOf(dashed), inLithuania, CHECK).verdict).toBe('wrong');
  });
});

describe('a list place by its partners across a border', () => {
  // twin_cities.csv:19260-19262 "Pawłowice,Poland,51.8511,20.6161," with Perkupa (Hungary, 48.4712,20.6854),
  // Teplička nad Váhom (Slovakia, 49.23,18.8) and Verquin (France, 50.5031,2.6408): the point is a Pawłowice in
  // Masovia that GeoNames' towns of 500 lack. The gazetteer's one Pawłowice in Poland (3089340, 49.96127,
  // 18.71778) is the Silesian gmina, 82 km from Teplička nad Váhom and 249 km from the list's point.
  const pawlowice: SourcePlace = { name: 'Pawłowice', country: 'Poland', lat: 51.8511, lon: 20.6161 };
  const perkupa: SourcePlace = { name: 'Perkupa', country: 'Hungary', lat: 48.4712, lon: 20.6854 };
  const teplicka: SourcePlace = { name: 'Teplička nad Váhom', country: 'Slovakia', lat: 49.23, lon: 18.8 };
  const verquin: SourcePlace = { name: 'Verquin', country: 'France', lat: 50.5031, lon: 2.6408 };
  const silesian = { lat: 49.96127, lon: 18.71778 };
  const match = { key: 'pawlowice-pl', country: 'PL', lat: 49.96127, lon: 18.71778 };
  const inPoland = (): string => 'PL';
  const gazetteer = (...named: Point[]): PointUnits => ({
    unitKeysAt: () => unitKeys('Masovian Voivodeship'),
    namedWithin: () => false,
    placesNamed: (key, country) => (key === nameKey(pawlowice) && country === 'PL' ? named : []),
  });
  const factsWith = (...partners: SourcePlace[]): SourceFacts => {
    const facts = factsOf(pawlowice, ...partners);
    facts.listPartners.set(placeKey(pawlowice), partners);
    return facts;
  };

  it("is the one place of the name near a partner abroad, a reference beside the list's point", () => {
    const facts = factsWith(perkupa, teplicka, verquin);
    const units = gazetteer(silesian);
    expect(partnerPlace(pawlowice, pawlowice as Point, facts, units)).toEqual(silesian);
    expect(judgeEnd(match, [pawlowice], facts, inPoland, SESSION10_CHECK, units).verdict).toBe('wrong');
    expect(judgeEnd(match, [pawlowice], facts, inPoland, CHECK, units).verdict).toBe('right');
  });

  it('is none without such a partner, with two such places, or where a place of the name lies at the point', () => {
    const units = gazetteer(silesian);
    expect(partnerPlace(pawlowice, pawlowice as Point, factsWith(perkupa, verquin), units)).toBeUndefined();
    // A partner in the same country, or one of the same name (a namesake pair), says nothing.
    const home = { ...teplicka, country: 'Poland' };
    expect(partnerPlace(pawlowice, pawlowice as Point, factsWith(home), units)).toBeUndefined();
    const namesake = { ...teplicka, name: 'Pawłowice' };
    expect(partnerPlace(pawlowice, pawlowice as Point, factsWith(namesake), units)).toBeUndefined();
    const two = gazetteer(silesian, { lat: 49.5, lon: 19.2 });
    expect(partnerPlace(pawlowice, pawlowice as Point, factsWith(teplicka), two)).toBeUndefined();
    const atPoint = { ...units, namedWithin: () => true };
    expect(partnerPlace(pawlowice, pawlowice as Point, factsWith(teplicka), atPoint)).toBeUndefined();
  });
});
