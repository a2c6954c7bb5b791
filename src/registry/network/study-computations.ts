import type { Kysely } from 'kysely';
import { buildTwinGraph, degreeOf, type TwinGraph } from '../../analysis/twin-graph.js';
import type { TwinGraphInput } from '../../analysis/graph-input.js';
import type { PartialDate } from '../../core/partial-date.js';
import type { DB } from '../../store/schema.js';
import { loadNetworkInput, type NetworkQuery } from './input.js';
import type { StudyName, StudyParams, StudyResult } from './study-result.js';

// The studies' computations, apart from the cached lookup (studies.ts): a cached answer loads none of the
// analysis code; a miss loads this module and the one analysis the study runs (a summary loads no Louvain, no
// geography), and the heavy-work threads load it all up front (loadStudies).

type Compute = (graph: TwinGraph, input: TwinGraphInput, params: StudyParams) => unknown;

/** Imports a module on the first call; later calls get the same promise, with no new resolution. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** The analysis code of the studies, each loaded when a study first needs it. */
const code = {
  distances: once(() => import('../../analysis/distances-worker.js')),
  rankings: once(() => import('../../analysis/rankings.js')),
  geography: once(() => import('../../analysis/geography.js')),
  time: once(() => import('../../analysis/time-series.js')),
  communities: once(() => import('../../analysis/communities.js')),
};

/**
 * Loads the code of every study at once, for a thread that computes them all and cannot import later (the API's
 * heavy-work threads, which run from TypeScript source under tsx only while their program loads).
 */
export async function loadStudies(): Promise<void> {
  await Promise.all(Object.values(code).map((load) => load()));
}

/** Every study the registry offers over its network, each a pure computation on the graph. */
export const STUDIES = {
  summary: async (graph) => (await (await code.distances()).summariseNetworkParallel(graph)).summary,
  partners: async (graph, _input, p) =>
    (await code.rankings()).topNodes(graph, (v) => degreeOf(graph, v), p.limit ?? 20),
  betweenness: async (graph, _input, p) =>
    (await code.rankings()).rankByBetweenness(graph, p.limit ?? 20, { seed: p.seed ?? 1 }),
  countries: async (graph, _input, p) => {
    const { countriesByLinks, countryPairMatrix } = await code.rankings();
    return {
      byLinks: countriesByLinks(graph).slice(0, p.limit ?? 20),
      pairs: countryPairMatrix(graph).slice(0, p.limit ?? 20),
    };
  },
  geography: async (graph, _input, p) =>
    (await code.geography()).geographyStudy(graph, { repetitions: p.repetitions ?? 50, seed: p.seed ?? 1 }),
  time: async (graph, input, p) => {
    const { countryGrowth, endingsPerYear, linkRecords, linksFormed } = await code.time();
    const links = linkRecords(graph, input);
    return {
      formed: linksFormed(links),
      endings: endingsPerYear(links),
      ...(p.country ? { growth: countryGrowth(graph, links, p.country.toUpperCase()) } : {}),
    };
  },
  communities: async (graph, _input, p) => {
    const { detectCommunities } = await code.communities();
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
    {
      dates: study === 'time',
      labels: study !== 'summary',
      attributes: study !== 'summary',
      sources: false,
    },
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
