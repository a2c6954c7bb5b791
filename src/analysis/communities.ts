import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { seededRng } from './random.js';
import { compareText, countryOf } from './rankings.js';
import type { TwinGraph } from './twin-graph.js';

type Louvain = typeof louvainModule.default;
// The package is CommonJS (`module.exports = louvain`) while its types declare an ES default export.
const louvain: Louvain =
  (louvainModule as unknown as { default?: Louvain }).default ?? (louvainModule as unknown as Louvain);

/** A country's weight in one community. */
export interface CountryShare {
  country: string;
  localities: number;
  share: number;
}

/** One community: its size, a few of its best-linked members, and the countries that dominate it. */
export interface Community {
  id: number;
  size: number;
  /** Members with the most partners, up to `sampleMembers`. */
  hubs: string[];
  countries: CountryShare[];
}

/** Louvain communities of the network with their modularity. */
export interface CommunityStudy {
  modularity: number;
  seed: number;
  resolution: number;
  communities: Community[];
  /** Community number of every node. */
  communityOf: Int32Array;
}

/** Options for community detection. */
export interface CommunityOptions {
  seed?: number;
  resolution?: number;
  /** Dominant countries to list per community (default 3). */
  topCountries?: number;
  /** Hubs to list per community (default 3). */
  sampleMembers?: number;
}

/** Finds communities by the Louvain method (seeded, so repeatable) and names the countries that dominate each. */
export function detectCommunities(graph: TwinGraph, options: CommunityOptions = {}): CommunityStudy {
  const seed = options.seed ?? 1;
  const resolution = options.resolution ?? 1;
  const g = new UndirectedGraph();
  for (let v = 0; v < graph.n; v++) g.addNode(String(v));
  for (let i = 0; i < graph.m; i++) g.addEdge(String(graph.edgeA[i]), String(graph.edgeB[i]));
  const result = louvain.detailed(g, { rng: seededRng(seed), resolution });
  const communityOf = new Int32Array(graph.n);
  for (let v = 0; v < graph.n; v++) communityOf[v] = result.communities[String(v)]!;
  const communities = describeCommunities(
    graph,
    communityOf,
    options.topCountries ?? 3,
    options.sampleMembers ?? 3,
  );
  return { modularity: result.modularity, seed, resolution, communities, communityOf };
}

/** Sizes, hubs and dominant countries of each community, largest community first. */
export function describeCommunities(
  graph: TwinGraph,
  communityOf: Int32Array,
  topCountries: number,
  sampleMembers: number,
): Community[] {
  const members = new Map<number, number[]>();
  communityOf.forEach((c, v) => {
    const list = members.get(c);
    if (list) list.push(v);
    else members.set(c, [v]);
  });
  const degree = (v: number): number => graph.offsets[v + 1]! - graph.offsets[v]!;
  const communities = [...members].map(([id, nodes]) => {
    const counts = new Map<string, number>();
    for (const v of nodes) counts.set(countryOf(graph, v), (counts.get(countryOf(graph, v)) ?? 0) + 1);
    const countries = [...counts]
      .map(([country, localities]) => ({ country, localities, share: localities / nodes.length }))
      .sort((x, y) => y.localities - x.localities || compareText(x.country, y.country))
      .slice(0, topCountries);
    const hubs = [...nodes]
      .sort((x, y) => degree(y) - degree(x) || x - y)
      .slice(0, sampleMembers)
      .map((v) => graph.keys[v]!);
    return { id, size: nodes.length, hubs, countries };
  });
  return communities.sort((x, y) => y.size - x.size || x.id - y.id);
}
