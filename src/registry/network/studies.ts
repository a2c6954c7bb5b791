import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { fingerprintInput } from '../../analysis/analysis-cache.js';
import { detectCommunities } from '../../analysis/communities.js';
import { summariseNetworkParallel } from '../../analysis/distances-worker.js';
import { geographyStudy } from '../../analysis/geography.js';
import { countriesByLinks, countryPairMatrix, rankByBetweenness, topNodes } from '../../analysis/rankings.js';
import { countryGrowth, endingsPerYear, linkRecords, linksFormed } from '../../analysis/time-series.js';
import { buildTwinGraph, degreeOf, type TwinGraph } from '../../analysis/twin-graph.js';
import type { TwinGraphInput } from '../../analysis/graph-input.js';
import type { PartialDate } from '../../core/partial-date.js';
import { StringAs } from '../../core/shapes.js';
import { cachedResult, keepResult } from '../../store/analysis-cache.repository.js';
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
  version: Type.String({ description: 'fingerprint of the network the result was computed on' }),
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

/**
 * Runs a study on the registry's network as the query selects it, or returns the result kept for the same
 * query on the same data: the cache key is the study, query and parameters; the version is a fingerprint of
 * the network itself, so any change to the data that reaches the network means a fresh computation.
 */
export async function runStudy(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
): Promise<StudyResult> {
  const network = await loadNetworkInput(
    db,
    { ...query, everFormed: study === 'time' || query.everFormed },
    today,
  );
  const version = fingerprintInput(network.input);
  const key = `${study}:${describeQuery(query)}:${JSON.stringify(params)}`;
  const stats = {
    nodes: network.input.nodes.length,
    links: network.input.edges.length,
    active: network.active,
    undated: network.undated,
  };
  const kept = await cachedResult(db, key, version);
  if (kept !== undefined) return { study, version, cached: true, network: stats, result: kept };
  const graph = buildTwinGraph(network.input);
  const result = await (STUDIES[study] as Compute)(graph, network.input, params);
  await keepResult(db, key, version, result);
  return { study, version, cached: false, network: stats, result };
}
