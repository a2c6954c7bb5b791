import { describe, expect, it } from 'vitest';
import { chooseMatch } from '../../../src/ingest/reconcile/matcher.js';
import type { MatchQuery, PlaceCandidate } from '../../../src/ingest/reconcile/match-types.js';
import { parsePlaceName } from '../../../src/ingest/reconcile/place-name.js';
import {
  findSubdivisions,
  findSubdivisionsBySpelling,
  isIsoCode,
} from '../../../src/ingest/reconcile/subdivisions.js';

function unit(id: string, name: string, admin1: string, point?: [number, number]): PlaceCandidate {
  return {
    kind: 'subdivision',
    id,
    name,
    country: id.slice(0, 2),
    admin1,
    population: 0,
    via: 'alternate',
    ...(point ? { lat: point[0], lon: point[1] } : {}),
  };
}

function query(name: string, countries: string[], overrides: Partial<MatchQuery> = {}): MatchQuery {
  return { parsed: parsePlaceName(name), countries, hintPoints: [], hintRegions: [], ...overrides };
}

describe('local units: GeoNames second-level units and French communes', () => {
  it("finds GeoNames' units and INSEE's communes by name, each with its own code", () => {
    const ringerike = findSubdivisions('Ringerike', ['NO']);
    expect(ringerike.map((s) => [s.scheme, s.code])).toEqual([
      ['geonames', expect.stringMatching(/^NO\.\d+\.\d+$/)],
    ]);
    expect(findSubdivisions('Tongyeong', ['KR'])[0]).toMatchObject({
      name: 'Tongyeong-si',
      scheme: 'geonames',
    });
    expect(findSubdivisions("Badefols-d'Ans", ['FR'])[0]).toMatchObject({
      code: 'FR.COM.24021',
      scheme: 'insee',
    });
    // A merged commune keeps its delegated communes, under INSEE's kind COMD.
    expect(findSubdivisions('Arbignieu', ['FR']).map((s) => s.code)).toContain('FR.COMD.01015');
    expect(isIsoCode('IE-WW')).toBe(true);
    expect(isIsoCode('FR.COM.24021')).toBe(false);
  });

  it('keeps ISO’s subdivision where GeoNames lists the same unit under the same name', () => {
    expect(findSubdivisions('Wicklow', ['IE']).map((s) => s.code)).toEqual(['IE-WW']);
  });

  it('gives a GeoNames unit a point, the mean of its places, to tell namesakes apart', () => {
    const montgomery = findSubdivisions('Montgomery County', ['US']);
    expect(montgomery.length).toBeGreaterThan(10);
    const pa = montgomery.find((s) => s.code === 'US.PA.091')!;
    expect(pa.lat).toBeCloseTo(40.2, 0);
    expect(pa.lon).toBeCloseTo(-75.3, 0);
  });

  it('finds a unit spelt otherwise only by spelling, not the ones the name finds', () => {
    expect(findSubdivisionsBySpelling('Nevsky', ['RU']).map((s) => s.name)).toContain('Nevskiy Rayon');
    expect(findSubdivisionsBySpelling('Ringerike', ['NO'])).toEqual([]);
  });

  it("chooses the unit in the region of the qualifier's place, and no unit of that name elsewhere", () => {
    const busan = unit('KR.10.21040', 'Gangseo-gu', '10');
    const seoul = unit('KR.11.11160', 'Gangseo-gu', '11');
    const inSeoul = chooseMatch(query('Gangseo (Seoul)', ['KR'], { hintRegions: ['KR.11'] }), [busan, seoul]);
    expect(inSeoul.candidate?.id).toBe('KR.11.11160');
    const alexeyevsky = unit('RU.65.582786', 'Alexeyevsky District', '65');
    const moscow = chooseMatch(query('Alexeyevsky (Moscow)', ['RU'], { hintRegions: ['RU.48'] }), [
      alexeyevsky,
    ]);
    expect(moscow.method).toBe('unresolved');
  });

  it('takes the nearest of several units of one name by their points', () => {
    const point = { lat: 40.21, lon: -75.37 };
    const result = chooseMatch(query('Montgomery County', ['US'], { point }), [
      unit('US.AL.101', 'Montgomery County', 'AL', [32.2, -86.2]),
      unit('US.PA.091', 'Montgomery County', 'PA', [40.2, -75.35]),
    ]);
    expect(result).toMatchObject({ method: 'subdivision', candidate: { id: 'US.PA.091' }, doubtful: false });
  });

  it('keeps a unit the file geocoded far away as doubtful, unless the country has a town of that name', () => {
    const asnes = unit('NO.34.3418', 'Åsnes', '34', [60.61, 12.01]);
    const inItaly = { lat: 42.41, lon: 12.35 };
    const alone = chooseMatch(query('Åsnes', ['NO'], { point: inItaly }), [asnes]);
    expect(alone).toMatchObject({ method: 'subdivision', doubtful: true });
    const town: PlaceCandidate = {
      kind: 'geonames',
      id: '1',
      name: 'Åsnes',
      country: 'NO',
      lat: 60.6,
      lon: 12.0,
      population: 1_000,
      via: 'name',
    };
    expect(chooseMatch(query('Åsnes', ['NO'], { point: inItaly }), [asnes, town]).candidate?.id).toBe('1');
  });
});
