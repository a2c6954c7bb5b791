/**
 * The partner finder's evaluation data (issue 14): the temporal split of the Wikidata snapshots, and a validation
 * split carved from its training links alone, for choosing training settings without looking at the test links.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRng } from '../src/core/random.js';
import type { SuggestPlace } from '../src/core/suggest/graph.js';
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

/** The temporal split: train on 2016's links among the 2026 file's cities, find the links 2026 adds. */
export function temporalSplit(
  root = SHARED_DATA,
): { places: SuggestPlace[]; train: Edge[]; test: Edge[] } | undefined {
  if (!existsSync(join(root, 'wikidata-2026', 'nodes.tsv'))) return undefined;
  const places: SuggestPlace[] = readTsv(join(root, 'wikidata-2026', 'nodes.tsv'), true).map(
    ([id, name, lng, lat, , code]) => ({
      key: id!,
      name: name!,
      country: code || undefined,
      lat: Number(lat),
      lon: Number(lng),
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
