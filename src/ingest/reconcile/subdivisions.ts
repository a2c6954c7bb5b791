import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { iso31662 } from 'iso-3166';
import { coreKey, matchKey } from './name-keys.js';

/** An ISO 3166-2 subdivision with its names in many languages (Unicode CLDR). */
export interface Subdivision {
  /** ISO 3166-2 code, e.g. `IT-78`. */
  code: string;
  country: string;
  /** The code of the country or subdivision it lies in. */
  parent: string;
  /**
   * 1 for a first-level subdivision (Calabria), 2 below that (Reggio Calabria) and for a former code
   * that CLDR still names (CZ-110 Prague 10, NO-12 Hordaland, GR-64 Chalkidiki).
   */
  level: 1 | 2;
  /** English name where CLDR has one, else ISO's. */
  name: string;
  names: string[];
}

/** Subdivisions and a lookup by folded name. */
export interface SubdivisionIndex {
  all: ReadonlyMap<string, Subdivision>;
  byKey: ReadonlyMap<string, readonly Subdivision[]>;
}

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

/** Builds the subdivision index from the `iso-3166` list and CLDR's translated names. */
export function buildSubdivisionIndex(): SubdivisionIndex {
  const cldr = readCldrNames();
  const all = new Map<string, Subdivision>();
  const byKey = new Map<string, Subdivision[]>();
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
    all.set(code, { code, country, parent: country, level: 2, name: names[0]!, names });
  }
  for (const sub of all.values()) {
    for (const name of sub.names) {
      const key = matchKey(name);
      file(byKey, key, sub);
      file(byKey, coreKey(key), sub);
    }
  }
  return { all, byKey };
}

let cached: SubdivisionIndex | undefined;

/** The subdivision index, built once per process. */
export function subdivisionIndex(): SubdivisionIndex {
  cached ??= buildSubdivisionIndex();
  return cached;
}

/** Subdivisions a name may mean, optionally only within some countries; first-level ones first. */
export function findSubdivisions(name: string, countries?: readonly string[]): Subdivision[] {
  const { byKey } = subdivisionIndex();
  const key = matchKey(name);
  const found = [...(byKey.get(key) ?? []), ...(byKey.get(coreKey(key)) ?? [])];
  const unique = [...new Set(found)].filter((s) => countries === undefined || countries.includes(s.country));
  return unique.sort((a, b) => a.level - b.level);
}
