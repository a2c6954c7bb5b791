/**
 * The partner finder's evaluation data (issue 14): the temporal split of the Wikidata snapshots, and a validation
 * split carved from its training links alone, for choosing training settings without looking at the test links.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { seededRng } from '../src/core/random.js';
import type { SuggestPlace } from '../src/core/suggest/graph.js';
import { seatLevel } from '../src/core/suggest/seat-level.js';
import { defaultGazetteerPath } from '../src/ingest/gazetteer/load-gazetteer.js';
import { BUNDLED_DATA_DIR } from '../src/registry/open-registry.js';
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

/** What the registry and its gazetteer hold of a Wikidata item: its population and seat level, when known. */
export interface PlaceFacts {
  population?: number;
  seat?: number;
}

/**
 * The population and seat level of each Wikidata item the bundled world registry holds as a locality: the
 * population from the locality (GeoNames'), the seat level from the feature code of its GeoNames place in
 * cities500 (the gazetteer `twinning gazetteer load` reads), as the finder reads them from a registry.
 */
export function placeFacts(): Map<string, PlaceFacts> {
  const snapshot = gunzipSync(readFileSync(join(BUNDLED_DATA_DIR, 'world', 'registry.jsonl.gz'))).toString(
    'utf8',
  );
  const codes = new Map<number, string>();
  for (const line of readFileSync(defaultGazetteerPath(), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length >= 19) codes.set(Number(f[0]), f[7]!);
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
    const population = at('population');
    const geonames = at('geonames_id');
    const seat = typeof geonames === 'number' ? seatLevel(codes.get(geonames)) : undefined;
    facts.set(q, {
      ...(typeof population === 'number' && population > 0 ? { population } : {}),
      ...(seat !== undefined ? { seat } : {}),
    });
  }
  return facts;
}

/**
 * The facts the benchmarks give the split's cities, as SUGGEST_FACTS says: `none` (the snapshots alone, as before
 * session 8), `population` or `seat` (one of the two), anything else both.
 */
export function factsFromEnv(value = process.env.SUGGEST_FACTS): Map<string, PlaceFacts> {
  if (value === 'none') return new Map();
  const facts = placeFacts();
  if (value !== 'population' && value !== 'seat') return facts;
  const keep = value;
  return new Map([...facts].map(([q, f]) => [q, f[keep] !== undefined ? { [keep]: f[keep] } : {}]));
}

/**
 * The temporal split: train on 2016's links among the 2026 file's cities, find the links 2026 adds. With
 * `facts`, each city gets the population and seat level the registry holds of its Wikidata item (the snapshots
 * have neither).
 */
export function temporalSplit(
  root = SHARED_DATA,
  facts: ReadonlyMap<string, PlaceFacts> = placeFacts(),
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
