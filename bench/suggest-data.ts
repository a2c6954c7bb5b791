/**
 * The partner finder's evaluation data (issue 14): the temporal split of the Wikidata snapshots, and a validation
 * split carved from its training links alone, for choosing training settings without looking at the test links.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { seededRng } from '../src/core/random.js';
import type { SuggestPlace } from '../src/core/suggest/graph.js';
import { kmToCoast, type CoastIndex } from '../src/core/suggest/coast.js';
import { otherNamesCount } from '../src/core/suggest/other-names.js';
import { seatLevel } from '../src/core/suggest/seat-level.js';
import { defaultGazetteerPath } from '../src/ingest/gazetteer/load-gazetteer.js';
import { BUNDLED_DATA_DIR } from '../src/registry/open-registry.js';
import { coastline } from '../src/registry/suggest/coastline.js';
import { holdOutSplit } from '../src/core/suggest/train.js';
import { SHARED_DATA } from './analysis-data.js';

/** A link as a pair of place indices. */
export type Edge = readonly [number, number];

function readTsv(path: string, header: boolean): string[][] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return (header ? lines.slice(1) : lines).map((l) => l.split('\t'));
}

/** What the registry and its gazetteer hold of a Wikidata item: its population, seat level and division, when known. */
export interface PlaceFacts {
  population?: number;
  seat?: number;
  division?: string;
  otherNames?: number;
}

/** The facts the benchmarks can give a city (`gazetteer-population`: the gazetteer's where the locality has none). */
export const FACTS = [
  'population',
  'seat',
  'division',
  'gazetteer-population',
  'other-names',
  'coast',
] as const;
export type Fact = (typeof FACTS)[number];

/**
 * The population, seat level and first-level division of each Wikidata item the bundled world registry holds as
 * a locality, as the finder reads them from a registry with its gazetteer loaded: the population from the
 * locality (GeoNames'), or, with `gazetteer-population`, from its GeoNames place in cities500 where the locality
 * has none; the seat level from the place's feature code; the division as its country and admin1 code.
 */
export function placeFacts(keep: ReadonlySet<Fact> = new Set(FACTS)): Map<string, PlaceFacts> {
  const snapshot = gunzipSync(readFileSync(join(BUNDLED_DATA_DIR, 'world', 'registry.jsonl.gz'))).toString(
    'utf8',
  );
  const gazetteer = new Map<
    number,
    { code: string; division: string; population: number; otherNames: number }
  >();
  for (const line of readFileSync(defaultGazetteerPath(), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length >= 19)
      gazetteer.set(Number(f[0]), {
        code: f[7]!,
        division: f[10] ? `${f[8]}.${f[10]}` : '',
        population: Number(f[14]),
        otherNames: otherNamesCount(f[1]!, f[2]!, f[3] ? f[3].split(',') : []),
      });
  }
  const facts = new Map<string, PlaceFacts>();
  let columns: string[] = [];
  let inLocalities = false;
  for (const line of snapshot.split('\n')) {
    if (line === '') continue;
    const value = JSON.parse(line) as unknown;
    if (!Array.isArray(value)) {
      const header = value as { table?: string; columns?: string[] };
      if (header.table !== undefined) {
        inLocalities = header.table === 'localities';
        columns = header.columns ?? [];
      }
      continue;
    }
    if (!inLocalities) continue;
    const at = (name: string): unknown => value[columns.indexOf(name)];
    const q = at('wikidata_id');
    if (typeof q !== 'string') continue;
    const geonames = at('geonames_id');
    const place = typeof geonames === 'number' ? gazetteer.get(geonames) : undefined;
    const own = at('population');
    const population =
      typeof own === 'number' && own > 0
        ? own
        : keep.has('gazetteer-population') && place && place.population > 0
          ? place.population
          : undefined;
    const seat = place ? seatLevel(place.code) : undefined;
    facts.set(q, {
      ...(keep.has('population') && population !== undefined ? { population } : {}),
      ...(keep.has('seat') && seat !== undefined ? { seat } : {}),
      ...(keep.has('division') && place?.division ? { division: place.division } : {}),
      ...(keep.has('other-names') && place ? { otherNames: place.otherNames } : {}),
    });
  }
  return facts;
}

/** The facts SUGGEST_FACTS names: `none`, a comma-separated list of FACTS, or, unset, every fact. */
function factsWanted(value: string | undefined): Set<Fact> {
  if (value === 'none') return new Set();
  const keep = new Set(value ? (value.split(',') as Fact[]) : FACTS);
  const unknown = [...keep].filter((f) => !FACTS.includes(f));
  if (unknown.length > 0)
    throw new Error(`SUGGEST_FACTS: unknown ${unknown.join(', ')}; say none or ${FACTS.join(',')}`);
  return keep;
}

/**
 * The facts the benchmarks give the split's cities, as SUGGEST_FACTS says: `none` (the snapshots alone, as before
 * session 8), a comma-separated list of FACTS (`population,seat`: as in session 8), or, unset, every fact.
 */
export function factsFromEnv(value = process.env.SUGGEST_FACTS): Map<string, PlaceFacts> {
  const keep = factsWanted(value);
  return keep.size === 0 ? new Map() : placeFacts(keep);
}

/** The coastline, for each city's km to the coast, unless SUGGEST_FACTS leaves `coast` out. */
export function coastFromEnv(value = process.env.SUGGEST_FACTS): CoastIndex | undefined {
  return factsWanted(value).has('coast') ? coastline() : undefined;
}

/**
 * The temporal split: train on 2016's links among the 2026 file's cities, find the links 2026 adds. With
 * `facts`, each city gets the population and seat level the registry holds of its Wikidata item (the snapshots
 * have neither); with `coast`, its km to the coast from its coordinates.
 */
export function temporalSplit(
  root = SHARED_DATA,
  facts: ReadonlyMap<string, PlaceFacts> = placeFacts(),
  coast?: CoastIndex,
): { places: SuggestPlace[]; train: Edge[]; test: Edge[] } | undefined {
  if (!existsSync(join(root, 'wikidata-2026', 'nodes.tsv'))) return undefined;
  const places: SuggestPlace[] = readTsv(join(root, 'wikidata-2026', 'nodes.tsv'), true).map(
    ([id, name, lng, lat, , code]) => ({
      key: id!,
      name: name!,
      country: code || undefined,
      lat: Number(lat),
      lon: Number(lng),
      ...facts.get(id!),
      ...(coast && lat && lng ? { coastKm: kmToCoast(coast, Number(lat), Number(lng)) } : {}),
    }),
  );
  const index = new Map(places.map((p, i) => [p.key, i]));
  const pairKey = (a: number, b: number): number => Math.min(a, b) * places.length + Math.max(a, b);
  const train = new Map<number, Edge>();
  for (const [a, b] of readTsv(join(root, 'wikidata-2016', 'relations.tsv'), false)) {
    const i = index.get(a!);
    const j = index.get(b!);
    if (i === undefined || j === undefined || i === j) continue;
    train.set(pairKey(i, j), [i, j]);
  }
  const test = new Map<number, Edge>();
  for (const [a, b] of readTsv(join(root, 'wikidata-2026', 'links.tsv'), true)) {
    const i = index.get(a!);
    const j = index.get(b!);
    if (i === undefined || j === undefined || i === j || train.has(pairKey(i, j))) continue;
    test.set(pairKey(i, j), [i, j]);
  }
  return { places, train: [...train.values()], test: [...test.values()] };
}

/**
 * A validation split of training links alone (seeded): every link of `placeShare` of the places (places that
 * join later) and `linkShare` of the others are held out, the rest kept to compute features and train on.
 */
export function validationSplit(
  places: readonly SuggestPlace[],
  edges: readonly Edge[],
  seed = 99,
  linkShare = 0.12,
  placeShare = 0.1,
): { fit: Edge[]; held: Edge[] } {
  const { held, kept: fit } = holdOutSplit(places, edges, seededRng(seed), linkShare, placeShare);
  return { fit, held };
}

/**
 * A validation split nearer the gap between the snapshots than the default: 25% of links and every link of 3% of
 * places held out (seed 99) leave 41% as many held-out links as kept ones, 22% of them (seen from a place with a
 * kept link) to a place with no kept link; the 2026 file adds 40% as many links as 2016's, 22% of them (from a
 * city with a 2016 link) to a city with none. The default split's held-out links are 52% to such places.
 */
export const GAP_SPLIT = { linkShare: 0.25, placeShare: 0.03 } as const;
