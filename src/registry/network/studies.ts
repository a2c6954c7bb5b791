import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { detectCommunities } from '../../analysis/communities.js';
import { summariseNetworkParallel } from '../../analysis/distances-worker.js';
import { geographyStudy } from '../../analysis/geography.js';
import { countriesByLinks, countryPairMatrix, rankByBetweenness, topNodes } from '../../analysis/rankings.js';
import { countryGrowth, endingsPerYear, linkRecords, linksFormed } from '../../analysis/time-series.js';
import { buildTwinGraph, degreeOf, type TwinGraph } from '../../analysis/twin-graph.js';
import type { TwinGraphInput } from '../../analysis/graph-input.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { StringAs } from '../../core/shapes.js';
import { cachedResult, keepResult } from '../../store/analysis-cache.repository.js';
import { dataStamp } from '../../store/data-stamp.repository.js';
import type { DB } from '../../store/schema.js';
import { describeQuery, loadNetworkInput, type NetworkQuery } from './input.js';

/** Parameters of the studies that take any. */
export interface StudyParams {
  limit?: number;
  repetitions?: number;
  seed?: number;
  country?: string;
}

type Compute = (graph: TwinGraph, input: TwinGraphInput, params: StudyParams) => unknown;

/** Every study the registry offers over its network, each a pure computation on the graph. */
export const STUDIES = {
  summary: async (graph) => (await summariseNetworkParallel(graph)).summary,
  partners: (graph, _input, p) => topNodes(graph, (v) => degreeOf(graph, v), p.limit ?? 20),
  betweenness: (graph, _input, p) => rankByBetweenness(graph, p.limit ?? 20, { seed: p.seed ?? 1 }),
  countries: (graph, _input, p) => ({
    byLinks: countriesByLinks(graph).slice(0, p.limit ?? 20),
    pairs: countryPairMatrix(graph).slice(0, p.limit ?? 20),
  }),
  geography: (graph, _input, p) =>
    geographyStudy(graph, { repetitions: p.repetitions ?? 50, seed: p.seed ?? 1 }),
  time: (graph, input, p) => {
    const links = linkRecords(graph, input);
    return {
      formed: linksFormed(links),
      endings: endingsPerYear(links),
      ...(p.country ? { growth: countryGrowth(graph, links, p.country.toUpperCase()) } : {}),
    };
  },
  communities: (graph, _input, p) => {
    const { communityOf: _perNode, communities, ...rest } = detectCommunities(graph, { seed: p.seed ?? 1 });
    return { ...rest, count: communities.length, communities: communities.slice(0, p.limit ?? 20) };
  },
} satisfies Record<string, Compute>;

export type StudyName = keyof typeof STUDIES;

/** A study's result, the network it was computed on, and whether it came from the cache. */
export const StudyResult = Type.Object({
  study: StringAs<StudyName>(),
  version: Type.String({ description: 'stamp of the data and the day the result was computed on' }),
  cached: Type.Boolean(),
  network: Type.Object({
    nodes: Type.Integer(),
    links: Type.Integer(),
    active: Type.Integer(),
    undated: Type.Integer({ description: 'links counted although only undated events say they were formed' }),
  }),
  result: Type.Unknown(),
});
export type StudyResult = Static<typeof StudyResult>;

/** The size of the network a study ran on. */
type NetworkStats = StudyResult['network'];

/** The cache key and data version of a study: what runStudy keeps a result under. */
async function studyKey(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
) {
  const version = `${await dataStamp(db)}@${formatPartialDate(today)}`;
  return { version, key: `${study}:${describeQuery(query)}:${JSON.stringify(params)}` };
}

/** The result kept for a study on the same data today, if any: a cheap read (the stamp and one row), no computation. */
export async function keptStudy(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
): Promise<StudyResult | undefined> {
  const { version, key } = await studyKey(db, study, query, params, today);
  const kept = (await cachedResult(db, key, version)) as
    { network: NetworkStats; result: unknown } | undefined;
  return kept && { study, version, cached: true, network: kept.network, result: kept.result };
}

/**
 * Runs a study on the registry's network as the query selects it, or returns the result kept for the same
 * query on the same data: the cache key is the study, query and parameters; the version is a stamp of the
 * registry's data and of today (store/data-stamp.repository.ts), read without loading the network, so a cached
 * answer costs one small query and any write means a fresh computation.
 */
export async function runStudy(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
): Promise<StudyResult> {
  const { version, key } = await studyKey(db, study, query, params, today);
  const kept = (await cachedResult(db, key, version)) as
    { network: NetworkStats; result: unknown } | undefined;
  if (kept !== undefined) return { study, version, cached: true, network: kept.network, result: kept.result };
  const network = await loadNetworkInput(
    db,
    { ...query, everFormed: study === 'time' || query.everFormed },
    today,
  );
  const stats: NetworkStats = {
    nodes: network.input.nodes.length,
    links: network.input.edges.length,
    active: network.active,
    undated: network.undated,
  };
  const graph = buildTwinGraph(network.input);
  const result = await (STUDIES[study] as Compute)(graph, network.input, params);
  await keepResult(db, key, version, { network: stats, result });
  return { study, version, cached: false, network: stats, result };
}
