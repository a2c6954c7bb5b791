import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso31662 } from 'iso-3166';
import { frenchUnits } from './french-communes.js';
import { geoNamesUnits } from './geonames-units.js';
import { translatedSubdivisionNames } from './subdivision-translations.js';
import { coreKey, matchKey, skeletonKey } from '../../core/name-keys.js';
import type { Subdivision } from './subdivision.js';
import { storedSubdivisionIndex, storeSubdivisionIndex, type SubdivisionIndex } from './subdivision-cache.js';

export type { Subdivision } from './subdivision.js';
export type { SubdivisionIndex } from './subdivision-cache.js';

type CldrFile = { subdivisions?: { localeDisplayNames?: { subdivisions?: Record<string, string> } } };

function readCldrNames(): Map<string, string[]> {
  const require = createRequire(import.meta.url);
  const root = path.join(
    path.dirname(require.resolve('cldr-subdivisions-full/package.json')),
    'subdivisions',
  );
  const names = new Map<string, string[]>();
  const locales = readdirSync(root).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  for (const locale of locales) {
    const dir = path.join(root, locale);
    const jsonFile = readdirSync(dir).find((f) => f.endsWith('.json'));
    if (jsonFile === undefined) continue;
    const json = JSON.parse(readFileSync(path.join(dir, jsonFile), 'utf8')) as CldrFile;
    for (const [key, name] of Object.entries(json.subdivisions?.localeDisplayNames?.subdivisions ?? {})) {
      const list = names.get(key) ?? [];
      if (!list.includes(name)) list.push(name);
      names.set(key, list);
    }
  }
  return names;
}

function file(byKey: Map<string, Subdivision[]>, key: string, sub: Subdivision): void {
  if (key === '') return;
  const list = byKey.get(key) ?? [];
  if (!list.includes(sub)) list.push(sub);
  byKey.set(key, list);
}

/** Builds the subdivision index from the `iso-3166` list, CLDR's names and iso3166-2-db's translated ones. */
export function buildSubdivisionIndex(): SubdivisionIndex {
  const cldr = readCldrNames();
  const all = new Map<string, Subdivision>();
  const byKey = new Map<string, Subdivision[]>();
  const bySkeleton = new Map<string, Subdivision[]>();
  for (const entry of iso31662) {
    const translated = cldr.get(entry.code.replace('-', '').toLowerCase()) ?? [];
    const names = [...new Set([...translated, entry.name])];
    const sub: Subdivision = {
      code: entry.code,
      country: entry.code.slice(0, 2),
      parent: entry.parent,
      level: entry.parent.length === 2 ? 1 : 2,
      name: translated[0] ?? entry.name,
      names,
      scheme: 'iso',
    };
    all.set(sub.code, sub);
    cldr.delete(entry.code.replace('-', '').toLowerCase());
  }
  // Codes ISO has withdrawn or renumbered (Prague's districts, Norway's and Greece's former counties)
  // that CLDR still names: real subdivisions that sources still write.
  for (const [id, names] of cldr) {
    const country = id.slice(0, 2).toUpperCase();
    const code = `${country}-${id.slice(2).toUpperCase()}`;
    if (all.has(code) || !/^[a-z]{2}[a-z0-9]{1,3}$/.test(id)) continue;
    all.set(code, { code, country, parent: country, level: 2, name: names[0]!, names, scheme: 'iso' });
  }
  // Each name's keys are worked out once: folding is most of the cost of building the index.
  const keysOf = (sub: Subdivision): NameKeys[] => sub.names.map(nameKeys);
  const fileNames = (sub: Subdivision, keys: readonly NameKeys[]): void => {
    for (const k of keys) {
      file(byKey, k.key, sub);
      file(byKey, k.core, sub);
      file(bySkeleton, k.spelling, sub);
    }
  };
  const translated = translatedSubdivisionNames(all);
  for (const sub of all.values()) fileNames(sub, keysOf(sub));
  // German, French, Italian and Spanish names ("Kalifornien", "Oblast Moskau") beside CLDR's English ones, found by
  // the whole name only: the core of "Oblast Riwne" is the German name of the city Rivne, not of its oblast.
  const translatedKeys = new Map<string, Set<string>>();
  for (const [code, names] of translated) {
    const sub = all.get(code)!;
    sub.names = [...sub.names, ...names];
    for (const name of names) file(byKey, matchKey(name), sub);
    translatedKeys.set(code, new Set(names.map((n) => matchKey(n))));
  }
  // A GeoNames unit that ISO lists too under the same name in its country is ISO's.
  const isoHas = (sub: Subdivision, keys: readonly NameKeys[]): boolean =>
    keys.some((k) => (byKey.get(k.core) ?? []).some((s) => s.scheme === 'iso' && s.country === sub.country));
  for (const sub of [...geoNamesUnits(), ...frenchUnits()]) {
    if (all.has(sub.code)) continue;
    const keys = keysOf(sub);
    if (isoHas(sub, keys)) continue;
    all.set(sub.code, sub);
    fileNames(sub, keys);
  }
  return { all, byKey, bySkeleton, translated: translatedKeys };
}

let cached: SubdivisionIndex | undefined;

/** The subdivision index, read once per process from where it is stored (built and stored the first time). */
export function subdivisionIndex(): SubdivisionIndex {
  cached ??= storedSubdivisionIndex(fileURLToPath(import.meta.url), buildSubdivisionIndex);
  return cached;
}

/** Builds and stores the subdivision index for later processes, unless it is stored already. */
export function storeSubdivisions(): void {
  storeSubdivisionIndex(fileURLToPath(import.meta.url), buildSubdivisionIndex);
}

/** A name's keys as the index files it: its match key, core key and spelling-blind key. */
interface NameKeys {
  key: string;
  core: string;
  spelling: string;
}

function nameKeys(name: string): NameKeys {
  const key = matchKey(name);
  const core = coreKey(key);
  return { key, core, spelling: spellingOfCore(core) };
}

/** A core key's spelling-blind key; empty when too short to tell places apart. */
function spellingOfCore(core: string): string {
  const skeleton = skeletonKey(core);
  return skeleton.length >= 5 ? skeleton : '';
}

/** A name's spelling-blind core key; empty when too short to tell places apart. */
function spellingKey(name: string): string {
  return spellingOfCore(coreKey(matchKey(name)));
}

/** Subdivisions whose name is spelt differently but sounds alike, within some countries, not found by `findSubdivisions`. */
export function findSubdivisionsBySpelling(name: string, countries: readonly string[]): Subdivision[] {
  const exact = new Set(findSubdivisions(name, countries));
  return (subdivisionIndex().bySkeleton.get(spellingKey(name)) ?? []).filter(
    (s) => countries.includes(s.country) && !exact.has(s),
  );
}

/** Subdivisions a name may mean, optionally only within some countries; first-level ones first. */
export function findSubdivisions(name: string, countries?: readonly string[]): Subdivision[] {
  const { byKey } = subdivisionIndex();
  const key = matchKey(name);
  const found = [...(byKey.get(key) ?? []), ...(byKey.get(coreKey(key)) ?? [])];
  const unique = [...new Set(found)].filter((s) => countries === undefined || countries.includes(s.country));
  return unique.sort((a, b) => a.level - b.level);
}

/** Whether a subdivision code is ISO 3166-2's (`KR-11`) rather than a local list's (`KR.11.11500`, `FR.COM.24031`). */
export function isIsoCode(code: string): boolean {
  return /^[A-Z]{2}-/.test(code);
}

/**
 * Whether one of a subdivision's names is the whole name given, not only its core: "Oblast Moskau" is Moscow
 * Oblast's name, and only the core of Moscow's ("Moskau").
 */
export function bearsWholeName(sub: Subdivision, name: string): boolean {
  const key = matchKey(name);
  return sub.names.some((n) => matchKey(n) === key);
}

/**
 * Whether a name finds a subdivision only by one of its names in another language: "Kiev" is Kyiv's (UA-30)
 * only so, and the city that GeoNames knows as Kiev too is then the place, not the city's unit.
 */
export function namedOnlyInTranslation(sub: Subdivision, name: string): boolean {
  const translated = subdivisionIndex().translated.get(sub.code);
  if (translated === undefined) return false;
  const key = matchKey(name);
  const keys = new Set([key, coreKey(key)]);
  return !sub.names.some((n) => {
    const own = matchKey(n);
    return !translated.has(own) && (keys.has(own) || keys.has(coreKey(own)));
  });
}
