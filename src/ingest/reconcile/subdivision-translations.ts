import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { coreKey, matchKey, skeletonKey } from '../../core/name-keys.js';
import { similarity } from './edit-distance.js';
import type { Subdivision } from './subdivision.js';

/**
 * The languages whose names are taken: those of Wikidata 2016's labels (German first, then English, French,
 * Italian, Spanish), so that "Kalifornien", "Oblast Moskau" and "Präfektur Tokio" name their subdivisions.
 */
export const TRANSLATED_LANGUAGES = ['de', 'en', 'fr', 'it', 'es'] as const;

interface DbRegion {
  name: string;
  iso: string;
  names?: Partial<Record<string, string>>;
}
type DbFile = Record<string, { regions?: DbRegion[] }>;

/** The file of iso3166-2-db: every country's first-level subdivisions with their names in several languages. */
function readRegions(): DbFile {
  const file = createRequire(import.meta.url).resolve('iso3166-2-db/data/iso3166-2.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DbFile;
}

const keyOf = (name: string): string => coreKey(matchKey(name));

/** Whether two core keys are one name as two lists spell it: the same, or one the start of the other ("santiago province"). */
function keysAgree(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 4 && long.startsWith(`${short} `));
}

/**
 * The subdivision a region of iso3166-2-db is, or undefined: the first-level subdivision of its code (checked
 * by hand against the names for the 124 codes whose names differ: "Kiev Oblast" is UA-32, which CLDR calls
 * Kyivshchyna), else the one first-level ISO subdivision of its country that bears its English name or
 * GeoNames' (the file keeps some former codes: its `CN-32` is Jiangsu, `CN-JS`). Else it is left out.
 */
function subdivisionOf(
  country: string,
  region: DbRegion,
  all: ReadonlyMap<string, Subdivision>,
  level1ByKey: ReadonlyMap<string, readonly Subdivision[]>,
): Subdivision | undefined {
  const keys = [region.name, region.names?.en, region.names?.geonames].flatMap((n) => (n ? [keyOf(n)] : []));
  const byCode = region.iso === '' ? undefined : all.get(`${country}-${region.iso}`);
  // ISO has since put some of them a level down (the Dominican Republic's provinces): the same name then.
  const named = (s: Subdivision): boolean => s.names.some((n) => keys.some((k) => keysAgree(k, keyOf(n))));
  if (byCode && byCode.scheme === 'iso' && (byCode.level === 1 || named(byCode))) return byCode;
  const byName = new Set(keys.flatMap((k) => level1ByKey.get(`${country}|${k}`) ?? []));
  return byName.size === 1 ? [...byName][0] : undefined;
}

/**
 * Whether a one-word name is a name of the region and not a translation of what its name means: the file
 * calls Chad's Sila "Kraft" and "Force", Portugal's Braga "Maischen", Papua New Guinea's Gulf "Bucht". A
 * one-word name is taken where it is spelt like a word of the region's own names (Kalifornien, Abruzzen), or
 * another language gives it too; a longer one ("Oblast Moskau") is found only whole, so it is taken as it is.
 */
function plausible(name: string, own: readonly string[], region: DbRegion): boolean {
  const key = matchKey(name);
  if (key.includes(' ')) return true;
  const others = TRANSLATED_LANGUAGES.map((lang) => region.names?.[lang]).filter(
    (n) => n !== undefined && n.trim() !== name.trim(),
  );
  if (others.some((n) => matchKey(n!) === key)) return true;
  const skeleton = skeletonKey(key);
  return own.some((n) =>
    matchKey(n)
      .split(' ')
      .some((word) => similarity(skeleton, skeletonKey(word)) >= 0.4),
  );
}

/**
 * Names of first-level ISO 3166-2 subdivisions in the languages above, by code, as the package iso3166-2-db
 * (MIT; names from Wikipedia and GeoNames) gives them, where CLDR's subdivision names (English only in the
 * installed cldr-subdivisions-full) lack them: California is also "Kalifornien" and "Californie". Only names
 * that give a new match key are returned.
 */
export function translatedSubdivisionNames(all: ReadonlyMap<string, Subdivision>): Map<string, string[]> {
  const level1ByKey = new Map<string, Subdivision[]>();
  for (const sub of all.values()) {
    if (sub.level !== 1 || sub.scheme !== 'iso') continue;
    for (const name of sub.names) {
      const key = `${sub.country}|${keyOf(name)}`;
      const list = level1ByKey.get(key) ?? [];
      if (!list.includes(sub)) list.push(sub);
      level1ByKey.set(key, list);
    }
  }
  const out = new Map<string, string[]>();
  for (const [country, { regions = [] }] of Object.entries(readRegions())) {
    for (const region of regions) {
      const sub = subdivisionOf(country, region, all, level1ByKey);
      if (sub === undefined) continue;
      const names = out.get(sub.code) ?? [];
      // Only names that key differently: "Hessen" beside Hesse, not "Hesse" again.
      const keys = new Set([...sub.names, ...names].map((n) => matchKey(n)));
      const own = [...sub.names, region.name, region.names?.en ?? '', region.names?.geonames ?? ''];
      for (const lang of TRANSLATED_LANGUAGES) {
        const name = region.names?.[lang]?.trim();
        if (!name || keys.has(matchKey(name)) || !plausible(name, own, region)) continue;
        keys.add(matchKey(name));
        names.push(name);
      }
      if (names.length > 0) out.set(sub.code, names);
    }
  }
  return out;
}
