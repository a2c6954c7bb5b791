import { candidateFeatures, queryProfile, type QueryProfile } from './features.js';
import { areLinked, type SuggestGraph } from './graph.js';
import { scoreRows, type SuggestModel } from './model.js';

/** Which candidates a query keeps: by country or continent. */
export interface CandidateFilter {
  country?: string;
  continent?: string;
}

/** A ranked candidate: its place index and score, with the query's feature rows and profile to explain it. */
export interface RankedCandidate {
  index: number;
  score: number;
}

/** The ranking of one query, with what the reasons are worded from. */
export interface Ranking {
  query: number;
  candidates: RankedCandidate[];
  rows: Float64Array;
  profile: QueryProfile;
}

/**
 * The best `limit` candidates for a query: every place but the query and its partners, that the filter keeps,
 * by the model's score, ties by key so that the same graph and model always give the same order.
 */
export function rankCandidates(
  graph: SuggestGraph,
  model: SuggestModel,
  query: number,
  limit: number,
  filter: CandidateFilter = {},
): Ranking {
  const profile = queryProfile(graph, query);
  const rows = candidateFeatures(graph, query, profile);
  const scores = scoreRows(model, rows).map((s) => (Number.isNaN(s) ? -Infinity : s));
  const country = filter.country?.toUpperCase();
  const continent = filter.continent?.toUpperCase();
  const pool: number[] = [];
  for (let i = 0; i < graph.places.length; i++) {
    if (i === query || areLinked(graph, query, i)) continue;
    const place = graph.places[i]!;
    if (country && place.country !== country) continue;
    if (continent && graph.continents[graph.continentOf[i]!] !== continent) continue;
    pool.push(i);
  }
  // Only the best few need sorting: find the score the `limit`-th candidate reaches, sort those at or above it.
  let chosen = pool;
  if (limit < pool.length) {
    const values = Float64Array.from(pool, (i) => scores[i]!).sort();
    const threshold = values[values.length - limit]!;
    chosen = pool.filter((i) => scores[i]! >= threshold);
  }
  chosen.sort((a, b) => scores[b]! - scores[a]! || (graph.places[a]!.key < graph.places[b]!.key ? -1 : 1));
  const candidates = chosen.slice(0, limit).map((index) => ({ index, score: scores[index]! }));
  return { query, candidates, rows, profile };
}
