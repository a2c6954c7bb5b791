import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import { neighboursOf, type SuggestGraph } from '../../core/suggest/graph.js';
import { DEFAULT_TRAINING, trainModel } from '../../core/suggest/train.js';
import type { SuggestModel } from '../../core/suggest/model.js';
import type { DB } from '../../store/schema.js';
import { MODEL_FILE, writeModel } from './model-file.js';
import { loadSuggestNetwork } from './network.js';

/** The links of a graph as index pairs (lower index first), in index order. */
export function edgesOf(graph: SuggestGraph): [number, number][] {
  const edges: [number, number][] = [];
  for (let i = 0; i < graph.places.length; i++)
    for (const j of neighboursOf(graph, i)) if (i < j) edges.push([i, j]);
  return edges;
}

/**
 * Trains the finder's model on the registry's links in force today (the same registry and seed give the same
 * weights) and writes it to `path` (data/suggest/model.json by default).
 */
export async function trainFromRegistry(
  db: Kysely<DB>,
  today: PartialDate,
  seed = DEFAULT_TRAINING.seed,
  path = MODEL_FILE,
): Promise<{ model: SuggestModel; examples: number; queries: number; path: string }> {
  const { graph } = await loadSuggestNetwork(db, undefined, today);
  const result = trainModel(graph.places, edgesOf(graph), { ...DEFAULT_TRAINING, seed });
  writeModel(result.model, path);
  return { ...result, path };
}
