import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../../src/ingest/reconcile/country-resolver.js';
import { editDistance } from '../../../src/ingest/reconcile/edit-distance.js';
import { chooseMatch } from '../../../src/ingest/reconcile/matcher.js';
import type { MatchQuery, PlaceCandidate } from '../../../src/ingest/reconcile/match-types.js';
import { preparePlace } from '../../../src/ingest/reconcile/prepare-query.js';
import { parsePlaceName } from '../../../src/ingest/reconcile/place-name.js';
import {
  bearsWholeName,
  findSubdivisions,
  namedOnlyInTranslation,
} from '../../../src/ingest/reconcile/subdivisions.js';

function buildCandidate(overrides: Partial<PlaceCandidate> = {}): PlaceCandidate {
  return {
    kind: 'geonames',
    id: '1',
    name: 'Toledo',
    country: 'ES',
    lat: 39.86,
    lon: -4.02,
    population: 74_632,
    via: 'name',
    ...overrides,
  };
}

function buildQuery(name: string, overrides: Partial<MatchQuery> = {}): MatchQuery {
  return { parsed: parsePlaceName(name), countries: [], hintPoints: [], hintRegions: [], ...overrides };
}

const toledoSpain = buildCandidate();
const toledoOhio = buildCandidate({
  id: '2',
  country: 'US',
  admin1: 'OH',
  lat: 41.66,
  lon: -83.56,
  population: 270_871,
});

describe('edit distance', () => {
  it('count edits with swaps, stopping past a limit', () => {
    expect(editDistance('grece', 'greece')).toBe(1);
    expect(editDistance('kazakhstah', 'kazakhstan')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('place names', () => {
  it('take apart a name of megabytes without running out of stack', () => {
    const commas = `Town${', x'.repeat(2_500_000)}`;
    expect(parsePlaceName(commas).hints).toHaveLength(2_500_000);
    const dashes = `${'a - '.repeat(1_000_000)}Town`;
    expect(parsePlaceName(dashes)).toMatchObject({ base: 'Town' });
  });

  it('keep a bracketed qualifier as a hint', () => {
    expect(parsePlaceName('Guro (Seoul)')).toMatchObject({ base: 'Guro', hints: ['Seoul'] });
  });

  it('read a kind from a qualifier or a trailing word', () => {
    expect(parsePlaceName('Lahn-Dill (district)')).toMatchObject({
      base: 'Lahn-Dill',
      hints: [],
      kind: 'district',
    });
    expect(parsePlaceName('Oświęcim County')).toMatchObject({ kind: 'county' });
  });

  it('take a comma or a spaced dash as a qualifier', () => {
    expect(parsePlaceName('Salisbury, North Carolina')).toMatchObject({
      base: 'Salisbury',
      hints: ['North Carolina'],
    });
    expect(parsePlaceName('Tokyo – Shinagawa')).toMatchObject({ base: 'Shinagawa', hints: ['Tokyo'] });
    expect(parsePlaceName('Weston-super-Mare')).toMatchObject({ base: 'Weston-super-Mare', hints: [] });
  });
});

describe('country strings', () => {
  it.each([
    ['Germany', 'DE', undefined],
    ['England, United Kingdom', 'GB', 'GB-ENG'],
    ['England', 'GB', 'GB-ENG'],
    ['Wales', 'GB', 'GB-WLS'],
    ['New York, United States', 'US', 'US-NY'],
    ['Georgia (country)', 'GE', undefined],
    ['Georgia', 'GE', undefined],
    ['Réunion, France', 'RE', undefined],
    ['Republic of Ireland', 'IE', undefined],
    ['Deutschland', 'DE', undefined],
    ['Grece', 'GR', undefined],
    ['Kazakhstah', 'KZ', undefined],
    ['Soviet Union', 'SU', undefined],
    ['Kosovo', 'XK', undefined],
    // German names of first-level subdivisions (iso3166-2-db's): a qualifier such as "(Kalifornien)" is read.
    ['Kalifornien', 'US', 'US-CA'],
    ['Oblast Moskau', 'RU', 'RU-MOS'],
    ['Oblast Kiew', 'UA', 'UA-32'],
    ['Moskau', 'RU', 'RU-MOW'],
  ])('%s → %s', (text, country, subdivision) => {
    const resolved = resolveCountry(text)!;
    expect(resolved.country).toBe(country);
    expect(resolved.subdivision).toBe(subdivision);
  });

  it('search overseas territories in the territory first, then the state', () => {
    expect(resolveCountry('Réunion, France')!.searchCountries).toEqual(['RE', 'FR']);
  });

  it("search a former state's successors", () => {
    expect(resolveCountry('Yugoslavia')!.searchCountries).toContain('HR');
  });
});

describe('subdivisions', () => {
  it.each([
    ['Calabria', 'IT-78'],
    ['Galicia', 'ES-GA'],
    ['Alberta', 'CA-AB'],
    ['Gangwon', 'KR-42'],
    ['Lower Saxony', 'DE-NI'],
    ['Kalifornien', 'US-CA'],
    ['Präfektur Tokio', 'JP-13'],
    ['Abruzzen', 'IT-65'],
    ['Region Midtjylland', 'DK-82'],
    ['Gouvernement Rif Dimaschq', 'SY-RD'],
    ['Oblast Kirowohrad', 'UA-35'],
  ])('%s is %s', (name, code) => {
    expect(findSubdivisions(name).map((s) => s.code)).toContain(code);
  });

  it('keep their English name as the name and take the names of other languages as further names', () => {
    const [california] = findSubdivisions('Kalifornien');
    expect(california).toMatchObject({ code: 'US-CA', name: 'California' });
    expect(california!.names).toEqual(expect.arrayContaining(['California', 'Kalifornien', 'Californie']));
  });

  it('name a region the translations file knows by its former code (its CN-11 is Beijing, now CN-BJ)', () => {
    expect(findSubdivisions('Peking', ['CN']).map((s) => s.code)).toEqual(['CN-BJ']);
  });

  it('tell a unit of the whole name from one whose name is only its core ("Oblast Moskau" is not Moscow)', () => {
    expect(bearsWholeName(findSubdivisions('Oblast Moskau')[0]!, 'Oblast Moskau')).toBe(true);
    const moscow = findSubdivisions('Moskau').find((s) => s.code === 'RU-MOW')!;
    expect(bearsWholeName(moscow, 'Oblast Moskau')).toBe(false);
  });

  it('know which names a unit has only in another language ("Kiev" for UA-30, not "Kyiv")', () => {
    const kyiv = findSubdivisions('Kiev', ['UA']).find((s) => s.code === 'UA-30')!;
    expect(namedOnlyInTranslation(kyiv, 'Kiev')).toBe(true);
    expect(namedOnlyInTranslation(kyiv, 'Kyiv')).toBe(false);
  });

  it('read a German state in brackets as the qualifier it is', () => {
    const orange = preparePlace({ name: 'Orange (Kalifornien)' });
    expect(orange.parsed.base).toBe('Orange');
    expect(orange.parsed.hints).toEqual([]);
    expect(orange.country).toMatchObject({ country: 'US', subdivision: 'US-CA' });
  });
});

describe('matcher', () => {
  it('tells Toledo in Spain from Toledo in Ohio by the country', () => {
    expect(
      chooseMatch(buildQuery('Toledo', { countries: ['ES'] }), [toledoSpain, toledoOhio]).candidate?.id,
    ).toBe('1');
    expect(
      chooseMatch(buildQuery('Toledo', { countries: ['US'] }), [toledoSpain, toledoOhio]).candidate?.id,
    ).toBe('2');
  });

  it('breaks a tie by population when nothing else tells', () => {
    const result = chooseMatch(buildQuery('Toledo'), [toledoSpain, toledoOhio]);
    expect(result.candidate?.id).toBe('2');
    expect(result.confidence).toBeLessThan(0.9);
  });

  it('flags a name match far from the given coordinates as doubtful', () => {
    const result = chooseMatch(buildQuery('Toledo', { countries: ['ES'], point: { lat: 40.4, lon: -3.7 } }), [
      toledoSpain,
    ]);
    expect(result).toMatchObject({ method: 'exact-name', doubtful: true });
    expect(result.distanceKm).toBeGreaterThan(25);
  });

  it('trusts nearby coordinates over a wrong country tag', () => {
    const result = chooseMatch(
      buildQuery('Toledo', { countries: ['FR'], point: { lat: 39.86, lon: -4.03 } }),
      [toledoSpain],
    );
    expect(result.candidate?.id).toBe('1');
  });

  it('leaves a name in the wrong country unresolved rather than guess', () => {
    expect(chooseMatch(buildQuery('Toledo', { countries: ['BR'] }), [toledoSpain, toledoOhio]).method).toBe(
      'unresolved',
    );
  });

  it('prefers a subdivision when the name says it is a region', () => {
    const region: PlaceCandidate = {
      kind: 'subdivision',
      id: 'IT-78',
      name: 'Calabria',
      country: 'IT',
      population: 0,
      via: 'name',
    };
    const town = buildCandidate({ id: '9', name: 'Calabria', country: 'IT', population: 600 });
    expect(chooseMatch(buildQuery('Calabria Region', { countries: ['IT'] }), [town, region]).method).toBe(
      'subdivision',
    );
  });

  it('says how: exact, alternate, qualified, transliteration', () => {
    expect(chooseMatch(buildQuery('Toledo', { countries: ['ES'] }), [toledoSpain]).method).toBe('exact-name');
    expect(
      chooseMatch(buildQuery('Toletum', { countries: ['ES'] }), [buildCandidate({ via: 'alternate' })])
        .method,
    ).toBe('alternate-name');
    expect(chooseMatch(buildQuery('Toledo (Castile)', { countries: ['ES'] }), [toledoSpain]).method).toBe(
      'qualified',
    );
    expect(
      chooseMatch(buildQuery('Tolyedo', { countries: ['ES'] }), [buildCandidate({ via: 'skeleton' })]).method,
    ).toBe('transliteration');
  });
});

describe('matcher and namesakes', () => {
  it('keeps Perth in Australia when the file geocoded it to Perth in Scotland, and flags it', () => {
    const perthAu = buildCandidate({
      id: '10',
      name: 'Perth',
      country: 'AU',
      lat: -31.95,
      lon: 115.86,
      population: 1_896_548,
    });
    const perthGb = buildCandidate({
      id: '11',
      name: 'Perth',
      country: 'GB',
      lat: 56.4,
      lon: -3.43,
      population: 47_180,
    });
    const result = chooseMatch(buildQuery('Perth', { countries: ['AU'], point: { lat: 56.4, lon: -3.43 } }), [
      perthAu,
      perthGb,
    ]);
    expect(result).toMatchObject({ candidate: { id: '10' }, doubtful: true });
  });

  const cambridge = (id: string, admin1: string, lat: number, lon: number, population: number) =>
    buildCandidate({ id, name: 'Cambridge', country: 'US', admin1, lat, lon, population });
  const cambridgeMa = cambridge('20', 'MA', 42.38, -71.11, 110_402);
  const cambridgeMd = buildCandidate({
    ...cambridge('21', 'MD', 38.56, -76.08, 12_507),
    featureCode: 'PPLA2',
  });
  const cambridgeGb = buildCandidate({ id: '22', name: 'Cambridge', country: 'GB', lat: 52.2, lon: 0.12 });

  it('ignores a point the geocoder took from a namesake abroad: the country’s large place, flagged', () => {
    // "Cambridge, United States" geocoded to Cambridge, England: the point says nothing of which Cambridge.
    const query = buildQuery('Cambridge', { countries: ['US'], point: { lat: 52.205, lon: 0.1225 } });
    const result = chooseMatch(query, [cambridgeMd, cambridgeMa, cambridgeGb]);
    expect(result).toMatchObject({ candidate: { id: '20' }, doubtful: true });
    expect(result.distanceKm).toBeGreaterThan(5000);
    // A point that lies near one of the country's places still picks it.
    const near = buildQuery('Cambridge', { countries: ['US'], point: { lat: 38.57, lon: -76.07 } });
    expect(chooseMatch(near, [cambridgeMd, cambridgeMa, cambridgeGb])).toMatchObject({
      candidate: { id: '21' },
      doubtful: false,
    });
  });

  it('trusts Wikidata’s own point over a country tag whose country has the name only far off', () => {
    const brockville = buildCandidate({
      id: '30',
      name: 'Brockville',
      country: 'CA',
      lat: 44.59,
      lon: -75.69,
    });
    const alsoCalled = buildCandidate({
      id: '31',
      name: 'Brookville',
      country: 'US',
      lat: 39.42,
      lon: -85.01,
      via: 'alternate',
    });
    const tagged = { countries: ['US'], point: { lat: 44.583, lon: -75.683 } };
    expect(
      chooseMatch(buildQuery('Brockville', { ...tagged, ownPoint: true }), [brockville, alsoCalled]).candidate
        ?.id,
    ).toBe('30');
    // A geocoded point (no Q-id) does not outweigh the tag so.
    expect(chooseMatch(buildQuery('Brockville', tagged), [brockville, alsoCalled]).candidate?.id).not.toBe(
      '30',
    );
  });

  it('prefers a place beside Wikidata’s own point to one 43 km off that bears the name as another name', () => {
    const wersbeek = buildCandidate({
      id: '40',
      name: 'Molenbeek-Wersbeek',
      country: 'BE',
      lat: 50.919,
      lon: 4.948,
      population: 1_162,
      via: 'alternate',
    });
    const saintJean = buildCandidate({
      id: '41',
      name: 'Molenbeek-Saint-Jean',
      country: 'BE',
      lat: 50.85,
      lon: 4.312,
      population: 97_037,
      via: 'nearby',
    });
    const at = { countries: ['BE'], point: { lat: 50.855, lon: 4.339 } };
    expect(
      chooseMatch(buildQuery('Molenbeek', { ...at, ownPoint: true }), [wersbeek, saintJean]).candidate?.id,
    ).toBe('41');
  });

  it('takes a first-level region over villages of its name where no town of 10,000 bears it as its main name', () => {
    const state = buildCandidate({
      kind: 'subdivision',
      id: 'MX-JAL',
      name: 'Jalisco',
      country: 'MX',
      population: 0,
    });
    delete state.lat;
    delete state.lon;
    const village = buildCandidate({
      id: '50',
      name: 'Jalisco',
      country: 'MX',
      lat: 16.43,
      lon: -91.97,
      population: 1_915,
    });
    const xalisco = buildCandidate({
      id: '51',
      name: 'Xalisco',
      country: 'MX',
      lat: 21.45,
      lon: -104.9,
      population: 35_702,
      via: 'alternate',
    });
    expect(
      chooseMatch(buildQuery('Jalisco', { countries: ['MX'] }), [village, xalisco, state]).candidate?.id,
    ).toBe('MX-JAL');
  });
});

describe('administrative units, double names and numbered districts', () => {
  it('read a kind from a leading word ("Borough of", "Landkreis", "Gmina", "County")', () => {
    expect(parsePlaceName('Borough of Kirklees').kind).toBe('district');
    expect(parsePlaceName('Landkreis Rosenheim').kind).toBe('district');
    expect(parsePlaceName('Gmina Lubicz').kind).toBe('municipality');
    expect(parsePlaceName('County Cork').kind).toBe('county');
    expect(parsePlaceName('Borough Green').kind).toBeUndefined();
    expect(parsePlaceName('Provinz Saragossa').kind).toBe('province');
    expect(parsePlaceName('Oblast Moskau').kind).toBe('region');
    expect(parsePlaceName('Präfektur Tokio').kind).toBe('prefecture');
  });

  it('prepare a unit, a merged name, two names with a slash and a numbered qualifier', () => {
    expect(preparePlace({ name: 'Lahn-Dill (district)', country: 'Germany' })).toMatchObject({
      adminUnit: true,
      unitInName: false,
      componentKeys: ['lahn', 'dill'],
    });
    expect(preparePlace({ name: 'Greater Sudbury', country: 'Canada' })).toMatchObject({
      adminUnit: true,
      unitInName: true,
    });
    expect(preparePlace({ name: 'Saint-Laurent-Médoc', country: 'France' }).componentKeys).toEqual([
      'laurent',
      'medoc',
    ]);
    expect(preparePlace({ name: 'Leuze-en-Hainaut', country: 'Belgium' }).componentKeys).toEqual([]);
    expect(preparePlace({ name: 'Mogente/Moixent', country: 'Spain' }).looseKeys).toContain('moixent');
    const budapest = preparePlace({ name: 'Budapest XII – Hegyvidék', country: 'Hungary' });
    expect(budapest.nameKeys).toEqual(['hegyvidek', 'budapest xii']);
    expect(budapest.regionNames).toEqual(['Hegyvidék', 'Budapest XII']);
  });

  it('know former ISO 3166-2 codes that CLDR still names', () => {
    expect(findSubdivisions('Prague 10').map((s) => s.code)).toEqual(['CZ-110']);
    expect(findSubdivisions('Hordaland').map((s) => s.code)).toEqual(['NO-12']);
    expect(findSubdivisions('Chalkidiki').map((s) => s.code)).toContain('GR-64');
  });

  it('rank a seat below any real name match, and a later part of a double name below the first', () => {
    const query = buildQuery('Rosenheim (district)', { countries: ['DE'] });
    const seat = buildCandidate({ id: 's', country: 'DE', via: 'seat' });
    const named = buildCandidate({ id: 'n', country: 'DE', via: 'alternate' });
    expect(chooseMatch(query, [seat, named]).candidate?.id).toBe('n');
    const first = buildCandidate({ id: 'a', country: 'DE', via: 'seat', rank: 0, population: 7000 });
    const second = buildCandidate({ id: 'b', country: 'DE', via: 'seat', rank: 1, population: 9000 });
    const result = chooseMatch(buildQuery('Blankenfelde-Mahlow', { countries: ['DE'] }), [second, first]);
    expect(result).toMatchObject({ method: 'seat', candidate: { id: 'a' } });
    expect(result.confidence).toBeLessThan(0.7);
  });
});
