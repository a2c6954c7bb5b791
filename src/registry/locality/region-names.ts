import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cldrSubdivisionKey } from '../../core/region.js';

let names: ReadonlyMap<string, string> | undefined;

/**
 * English names of ISO 3166-2 subdivisions (CLDR's, keyed `usil`), read on first use: a 160 KB JSON file, which
 * parses in a few milliseconds where a module holding the same list (iso-3166) took 40 ms to load at CLI start.
 */
export function subdivisionNames(): ReadonlyMap<string, string> {
  if (!names) {
    const file = createRequire(import.meta.url).resolve('cldr-subdivisions-full/subdivisions/en/en.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
    };
    names = new Map(Object.entries(parsed.subdivisions.localeDisplayNames.subdivisions));
  }
  return names;
}

/** Names found by code (a few thousand codes at most: every partner of every detail asks again). */
const byCode = new Map<string, string | undefined>();

/** The name of an ISO 3166-2 subdivision (`US-IL` → Illinois), or undefined for a code CLDR lacks. */
export function regionName(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  if (byCode.has(code)) return byCode.get(code);
  const name = subdivisionNames().get(cldrSubdivisionKey(code));
  if (byCode.size < 100_000) byCode.set(code, name);
  return name;
}
