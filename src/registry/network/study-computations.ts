import type { Kysely } from 'kysely';
import { detectCommunities } from '../../analysis/communities.js';
import { summariseNetworkParallel } from '../../analysis/distances-worker.js';
import { geographyStudy } from '../../analysis/geography.js';
import { countriesByLinks, countryPairMatrix, rankByBetweenness, topNodes } from '../../analysis/rankings.js';
import { countryGrowth, endingsPerYear, linkRecords, linksFormed } from '../../analysis/time-series.js';
import { buildTwinGraph, degreeOf, type TwinGraph } from '../../analysis/twin-graph.js';
import type { TwinGraphInput } from '../../analysis/graph-input.js';
import type { PartialDate } from '../../core/partial-date.js';
import type { DB } from '../../store/schema.js';
import { loadNetworkInput, type NetworkQuery } from './input.js';
import type { StudyName, StudyParams, StudyResult } from './study-result.js';

// The studies' computations, apart from the cached lookup (studies.ts): a cached answer loads none of the
// analysis code; a miss loads this module, and the heavy-work threads load it up front.

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
} satisfies Record<StudyName, Compute>;

/** A study computed afresh, with the size of the network it ran on. */
export type Computed = Pick<StudyResult, 'network' | 'result'>;

/** Loads the network the query selects and runs one study on it. */
export async function computeStudy(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
): Promise<Computed> {
  const network = await loadNetworkInput(
    db,
    { ...query, everFormed: study === 'time' || query.everFormed },
    today,
  );
  const graph = buildTwinGraph(network.input);
  return {
    network: {
      nodes: network.input.nodes.length,
      links: network.input.edges.length,
      active: network.active,
      undated: network.undated,
    },
    result: await (STUDIES[study] as Compute)(graph, network.input, params),
  };
}
