import { describe, expect, it } from 'vitest';
import { newLocality } from '../../../src/ingest/import/new-locality.js';
import { geoNamesAdmin1ByName } from '../../../src/ingest/reconcile/geonames-units.js';
import { chooseMatch, dropsMarks, rankMatches } from '../../../src/ingest/reconcile/matcher.js';
import type { MatchQuery, MatchResult, PlaceCandidate } from '../../../src/ingest/reconcile/match-types.js';
import { parsePlaceName } from '../../../src/ingest/reconcile/place-name.js';
import {
  byPreference,
  markBesidePartners,
  type PlaceOption,
} from '../../../src/ingest/reconcile/place-options.js';
import { preparePlace } from '../../../src/ingest/reconcile/prepare-query.js';

// Rules found on the wrong ends of the link check (`bench/link-accuracy.ts`). The places are the Wikipedia
// lists' (data/sources/wikipedia-lists/twin_cities.csv, line numbers given), the candidates GeoNames' rows
// as the gazetteer holds them (id, name, point, feature code, population).

function gazetteerPlace(
  id: string,
  name: string,
  country: string,
  lat: number,
  lon: number,
  population: number,
  featureCode = 'PPL',
): PlaceCandidate {
  return { kind: 'geonames', id, name, country, lat, lon, population, featureCode, via: 'name' };
}

function query(name: string, overrides: Partial<MatchQuery> = {}): MatchQuery {
  return { parsed: parsePlaceName(name), countries: [], hintPoints: [], hintRegions: [], ...overrides };
}

describe('a place its source gives only a country', () => {
  // twin_cities.csv lines 16536, 18509-18510: "Brodnica, Poland" at 53.2597,19.3956, a point the list also
  // gives "Strasburg, Germany" (Brodnica's German name), so the import sets the point aside as shared.
  const town = gazetteerPlace('3102627', 'Brodnica', 'PL', 53.25967, 19.39653, 27_341);
  const village = gazetteerPlace('3102628', 'Brodnica', 'PL', 52.14123, 16.89096, 722, 'PPLA3');

  it('is the large place of its name in that country, not a village that is a seat', () => {
    const result = chooseMatch(query('Brodnica', { countries: ['PL'] }), [village, town]);
    expect(result.candidate?.id).toBe('3102627');
  });

  it('leans to a seat between villages of one size', () => {
    // twin_cities.csv line 5502: "Łubowo, Poland" geocoded to 52.7094,16.2578, 84 and 98 km from the two.
    const seat = gazetteerPlace('3092822', 'Łubowo', 'PL', 52.51168, 17.45333, 951, 'PPLA3');
    const other = gazetteerPlace('3092820', 'Łubowo', 'PL', 53.58634, 16.39177, 1300);
    const geocoded = query('Łubowo', { countries: ['PL'], point: { lat: 52.7094, lon: 16.2578 } });
    expect(chooseMatch(geocoded, [other, seat]).candidate?.id).toBe('3092822');
    // … but not against a town ten times its size: "Chrzanów, Poland" (lines 9216, 14324, 18568).
    const town = gazetteerPlace('3101547', 'Chrzanów', 'PL', 50.13546, 19.40203, 39_973);
    const seatVillage = gazetteerPlace('774304', 'Chrzanów', 'PL', 50.77256, 22.60351, 3506, 'PPLA3');
    expect(chooseMatch(query('Chrzanów', { countries: ['PL'] }), [seatVillage, town]).candidate?.id).toBe(
      '3101547',
    );
  });

  it('with the point, is the place at the point', () => {
    const at = { countries: ['PL'], point: { lat: 53.2597, lon: 19.3956 } };
    expect(chooseMatch(query('Brodnica', at), [village, town])).toMatchObject({
      candidate: { id: '3102627' },
      doubtful: false,
    });
  });
});

describe('a common name far from every place of it', () => {
  // twin_cities.csv lines 6807, 7880: "Jamestown, United States" (twinned with Lyme Regis and Jakobstad)
  // geocoded to 37.2089,-76.7783, Jamestown in Virginia, which GeoNames lacks; every Jamestown it has lies
  // over 300 km off. Wikidata 2026 pairs Jakobstad with Jamestown, New York (Q983861).
  const seat = gazetteerPlace('5059836', 'Jamestown', 'US', 46.91054, -98.70844, 15_422, 'PPLA2');
  const larger = gazetteerPlace('5122534', 'Jamestown', 'US', 42.097, -79.23533, 30_075);
  const carolina = gazetteerPlace('4473158', 'Jamestown', 'US', 35.9943, -79.93531, 3737);

  it('is the larger town, not a county seat half its size', () => {
    const geocoded = query('Jamestown', { countries: ['US'], point: { lat: 37.2089, lon: -76.7783 } });
    expect(chooseMatch(geocoded, [seat, carolina, larger])).toMatchObject({
      candidate: { id: '5122534' },
      doubtful: true,
    });
  });

  it('nor a county seat a fifteenth of its size', () => {
    // twin_cities.csv line 15792: "Pittsburg, United States" (Shimonoseki's twin, which Wikidata 2026 pairs
    // with Pittsburg, California) geocoded to 34.9327,-95.7626, McAlester, seat of Pittsburg County, Oklahoma.
    const texas = gazetteerPlace('4719416', 'Pittsburg', 'US', 32.9954, -94.96577, 4602, 'PPLA2');
    const kansas = gazetteerPlace('4277241', 'Pittsburg', 'US', 37.41088, -94.70496, 20_409);
    const california = gazetteerPlace('5383465', 'Pittsburg', 'US', 38.02798, -121.88468, 69_424);
    const geocoded = query('Pittsburg', { countries: ['US'], point: { lat: 34.9327, lon: -95.7626 } });
    expect(chooseMatch(geocoded, [texas, kansas, california]).candidate?.id).toBe('5383465');
  });

  it('keeps a seat’s weight against a place of the name without a population', () => {
    // twin_cities.csv lines 5257, 14930: "Kashiwara, Japan" at 34.5833,135.6333, where GeoNames' Kashihara
    // (alternate name Kashiwara, a seat of 79,000) lies, 1.5 km off; a supplement point named Kashiwara lies
    // 19 km off, without a population.
    const alternate: PlaceCandidate = {
      ...gazetteerPlace('1859952', 'Kashihara', 'JP', 34.58333, 135.61667, 79_058, 'PPLA2'),
      via: 'alternate',
    };
    const point: PlaceCandidate = {
      kind: 'geonames-point',
      id: 'JP:34.45:135.76667',
      name: 'Kashiwara',
      country: 'JP',
      lat: 34.45,
      lon: 135.76667,
      population: 0,
      via: 'name',
    };
    const geocoded = query('Kashiwara', { countries: ['JP'], point: { lat: 34.5833, lon: 135.6333 } });
    expect(chooseMatch(geocoded, [point, alternate]).candidate?.id).toBe('1859952');
  });
});

describe('a territory named before its country', () => {
  // twin_cities.csv lines 5057, 9464, 17853: "Saint-Denis", "Réunion, France", geocoded to 48.9384,2.3628,
  // Saint-Denis north of Paris.
  const paris = gazetteerPlace('2980916', 'Saint-Denis', 'FR', 48.93564, 2.35387, 96_128, 'PPLA3');
  const reunion = gazetteerPlace('935264', 'Saint-Denis', 'RE', -20.88231, 55.4504, 137_195, 'PPLC');
  const geocoded = { countries: ['RE', 'FR'], point: { lat: 48.9384, lon: 2.3628 } };

  it('is the territory’s place of the name when the point lies at a namesake in the country, flagged', () => {
    const result = chooseMatch(query('Saint-Denis', { ...geocoded, territory: 'RE' }), [paris, reunion]);
    expect(result).toMatchObject({ candidate: { id: '935264' }, doubtful: true });
  });

  it('keeps the point where the territory has no place of the name', () => {
    const result = chooseMatch(query('Saint-Denis', { ...geocoded, territory: 'RE' }), [paris]);
    expect(result.candidate?.id).toBe('2980916');
  });
});

describe('a unit whose point lies abroad', () => {
  // twin_cities.csv lines 4668, 4968: "Florida, Uruguay" geocoded to 28,-82 (the US state); the department
  // (UY-FD) has no point of its own, its town Florida (GeoNames 3442585) lies 7,400 km from that point.
  const department: PlaceCandidate = {
    kind: 'subdivision',
    id: 'UY-FD',
    name: 'Florida',
    country: 'UY',
    population: 0,
    via: 'name',
  };
  const town = gazetteerPlace('3442585', 'Florida', 'UY', -34.09556, -56.21417, 32_234, 'PPLA');

  it('is matched without the point, flagged, and its locality does not take it', () => {
    const result = rankMatches(query('Florida', { countries: ['UY'], point: { lat: 28, lon: -82 } }), [
      department,
      town,
    ])[0]!;
    expect(result).toMatchObject({ candidate: { id: 'UY-FD' }, doubtful: true, pointAbroad: true });
    const place = preparePlace({ name: 'Florida', country: 'Uruguay', lat: 28, lon: -82 });
    expect(newLocality(place, result)).toMatchObject({ country: 'UY', lat: null, lon: null });
  });

  it('keeps a point that lies in its country', () => {
    const near = { lat: -33.9, lon: -56.0 };
    const result = rankMatches(query('Florida', { countries: ['UY'], point: near }), [department, town])[0]!;
    expect(result.pointAbroad).toBeUndefined();
    const place = preparePlace({ name: 'Florida', country: 'Uruguay', ...near });
    expect(newLocality(place, { ...result, candidate: department })).toMatchObject({ lat: -33.9, lon: -56 });
  });
});

describe('namesakes beside a partner', () => {
  // twin_cities.csv lines 18697-18700: "Gorzyce, Poland" (geocoded to 52.8819,17.5836, near neither
  // Gorzyce) is twinned with Bohumín and Dolní Lutyně, Czech towns on the border beside Gorzyce in Silesia.
  const sandomierz = gazetteerPlace('771729', 'Gorzyce', 'PL', 50.6672, 21.84013, 8009, 'PPLA3');
  const silesia = gazetteerPlace('3098709', 'Gorzyce', 'PL', 49.95945, 18.39884, 2435, 'PPLA3');
  const option = (candidate: PlaceCandidate, rank: number, doubtful: boolean): PlaceOption => ({
    match: { candidate, method: 'exact-name', confidence: 0.46, doubtful } satisfies MatchResult,
    ref: `geonames:${candidate.id}`,
    support: 0,
    rank,
  });
  const bohumin = { at: { lat: 49.9042, lon: 18.3575 }, ref: 'geonames:3079348' };
  const kamianets = { at: { lat: 48.6833, lon: 26.5833 }, ref: 'geonames:705812' };

  it('takes the namesake beside a partner where the best match is doubtful', () => {
    const marked = markBesidePartners(
      [option(sandomierz, 0, true), option(silesia, 1, true)],
      ['PL'],
      [kamianets, bohumin],
    );
    expect(marked.map((o) => o.besidePartner === true)).toEqual([false, true]);
    expect([...marked].sort(byPreference)[0]!.match.candidate?.id).toBe('3098709');
  });

  it('leaves the order alone where the best match is sure, beside a partner, or no namesake is', () => {
    const sure = [option(sandomierz, 0, false), option(silesia, 1, false)];
    expect(markBesidePartners(sure, ['PL'], [bohumin]).some((o) => o.besidePartner)).toBe(false);
    const topBeside = [option(silesia, 0, true), option(sandomierz, 1, true)];
    expect(markBesidePartners(topBeside, ['PL'], [bohumin]).some((o) => o.besidePartner)).toBe(false);
    const far = [option(sandomierz, 0, true), option(silesia, 1, true)];
    expect(markBesidePartners(far, ['PL'], [kamianets]).some((o) => o.besidePartner)).toBe(false);
    // A partner is not its own namesake (Cleveland, England – Cleveland, Ohio).
    const itself = { at: { lat: 49.95945, lon: 18.39884 }, ref: 'geonames:3098709' };
    expect(markBesidePartners(far, ['PL'], [itself]).some((o) => o.besidePartner)).toBe(false);
  });
});

describe('a qualifier that names a region', () => {
  // twin_cities.csv line 11382: "Friedberg, Hesse", Germany (a point the import sets aside as shared) and
  // lines 11377-11381: "Friedberg, Bavaria". GeoNames: 2924802 in Hesse (admin1 05), 2924803 in Bavaria (02).
  const hesse = { ...gazetteerPlace('2924802', 'Friedberg', 'DE', 50.33739, 8.75591, 27_484), admin1: '05' };
  const bavaria = {
    ...gazetteerPlace('2924803', 'Friedberg', 'DE', 48.35693, 10.98461, 29_916),
    admin1: '02',
  };

  it('is found among GeoNames’ first-level units by its name', () => {
    expect(geoNamesAdmin1ByName('DE', 'Hesse')).toEqual(['05']);
    expect(geoNamesAdmin1ByName('DE', 'Bavaria')).toEqual(['02']);
    expect(geoNamesAdmin1ByName('FR', 'Hesse')).toEqual([]);
  });

  it('puts the place in that region, whichever namesake is larger', () => {
    const inHesse = query('Friedberg, Hesse', { countries: ['DE'], namedRegions: ['DE.05'] });
    expect(chooseMatch(inHesse, [bavaria, hesse]).candidate?.id).toBe('2924802');
    const inBavaria = query('Friedberg, Bavaria', { countries: ['DE'], namedRegions: ['DE.02'] });
    expect(chooseMatch(inBavaria, [hesse, bavaria]).candidate?.id).toBe('2924803');
  });
});

describe('a name with nothing else to place it', () => {
  // data/sources/wikidata-2016/names.tsv: "Q986331\tIngå" (Ingå, Finland), a label with no country or point.
  it('is the place spelt as the source writes it, accents and all, over a namesake equal once folded', () => {
    const finland = gazetteerPlace('656652', 'Ingå', 'FI', 60.04587, 24.00459, 5205, 'PPLA3');
    const brazil = gazetteerPlace('3398224', 'Ingá', 'BR', -7.28083, -35.60444, 8751);
    expect(chooseMatch(query('Ingå'), [brazil, finland]).candidate?.id).toBe('656652');
    expect(chooseMatch(query('Ingá'), [finland, brazil]).candidate?.id).toBe('3398224');
  });
});

describe('a place found only by an edit of its name', () => {
  // twin_cities.csv lines 24532-24533: "Heřmanice", Czech Republic, geocoded to 49.8239,15.5472; the gazetteer
  // has no Heřmanice, and Heřmaničky (GeoNames 3075856), one letter off, lies 73 km away.
  const hermanicky = {
    ...gazetteerPlace('3075856', 'Heřmaničky', 'CZ', 49.60531, 14.58249, 673),
    via: 'fuzzy' as const,
  };
  // Line 21613: "Tiszakürt", Hungary, at 46.8847,20.1261; Tiszabura (714787) lies 68 km away.
  const tiszabura = {
    ...gazetteerPlace('714787', 'Tiszabura', 'HU', 47.45, 20.46667, 2730),
    via: 'fuzzy' as const,
  };

  it('is not taken far from the source’s point', () => {
    const at = (lat: number, lon: number, country: string) => ({ countries: [country], point: { lat, lon } });
    expect(chooseMatch(query('Heřmanice', at(49.8239, 15.5472, 'CZ')), [hermanicky]).method).toBe(
      'unresolved',
    );
    expect(chooseMatch(query('Tiszakürt', at(46.8847, 20.1261, 'HU')), [tiszabura]).method).toBe(
      'unresolved',
    );
  });

  it('is taken beside the source’s point, or where the source gives no point', () => {
    // Lines 677-679: "Deutschkreuz", Austria, at 47.6017,16.6281; GeoNames spells it Deutschkreutz (2781024).
    const deutschkreutz = {
      ...gazetteerPlace('2781024', 'Deutschkreutz', 'AT', 47.6, 16.63333, 2791, 'PPLA3'),
      via: 'fuzzy' as const,
    };
    const geocoded = query('Deutschkreuz', { countries: ['AT'], point: { lat: 47.6017, lon: 16.6281 } });
    expect(chooseMatch(geocoded, [deutschkreutz])).toMatchObject({
      candidate: { id: '2781024' },
      method: 'fuzzy',
    });
    expect(chooseMatch(query('Heřmanice', { countries: ['CZ'] }), [hermanicky]).candidate?.id).toBe(
      '3075856',
    );
  });
});

describe('a town whose name lacks a mark the source writes', () => {
  // twin_cities.csv lines 5961, 7563, 7874, 18255: "Håbo", Sweden, geocoded to 59.6667,17.5333 (the
  // municipality, whose seat is Bålsta, GeoNames 2723567, 11 km off); the gazetteer has no Håbo, and
  // (2709494), equal once folded, lies 279 km away in Jönköping County.
  const habo = gazetteerPlace('2709494', 'Habo', 'SE', 57.91185, 14.07444, 7740, 'PPLA2');
  const balsta = {
    ...gazetteerPlace('2723567', 'Bålsta', 'SE', 59.5671, 17.52781, 13138, 'PPLA2'),
    via: 'nearby' as const,
  };
  const at = { countries: ['SE'], point: { lat: 59.6667, lon: 17.5333 } };

  it('lacks it: "Habo" for "Håbo", not "Níkaia" for "Nikaia" nor "Călăraşi" (cedilla) for "Călărași" (comma)', () => {
    expect(dropsMarks('Håbo', 'Habo')).toBe(true);
    expect(dropsMarks('Nikaia', 'Níkaia')).toBe(false);
    expect(dropsMarks('Călărași', 'Călăraşi')).toBe(false);
    expect(dropsMarks('Ingå', 'Ingå')).toBe(false);
  });

  it('is not taken far from the source’s point', () => {
    expect(chooseMatch(query('Håbo', at), [habo]).method).toBe('unresolved');
    expect(chooseMatch(query('Håbo', at), [habo, balsta]).candidate?.id).toBe('2723567');
  });

  it('is taken beside the source’s point, or where the source gives no point', () => {
    const near = { countries: ['SE'], point: { lat: 57.91, lon: 14.07 } };
    expect(chooseMatch(query('Håbo', near), [habo]).candidate?.id).toBe('2709494');
    expect(chooseMatch(query('Håbo', { countries: ['SE'] }), [habo]).candidate?.id).toBe('2709494');
  });
});
