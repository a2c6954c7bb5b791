import { betweenness, type BetweennessOptions } from './betweenness.js';
import { selectNetwork, type TwinGraphInput } from './graph-input.js';
import { buildTwinGraph, degreeOf, type TwinGraph } from './twin-graph.js';

/** Country label for nodes without one. */
export const UNKNOWN_COUNTRY = '?';

/** One locality in a ranking. */
export interface LocalityRank {
  key: string;
  label?: string;
  country?: string;
  value: number;
}

/** A betweenness ranking, saying whether it is exact or how many sources were sampled. */
export interface BetweennessRanking {
  exact: boolean;
  sources: number;
  seed?: number;
  top: LocalityRank[];
}

/** One country's share of the network. */
export interface CountryRank {
  country: string;
  /** Links with at least one end in the country (a domestic link counts once). */
  links: number;
  /** Localities of the country with at least one link. */
  localities: number;
}

/** Links between two countries (a ≤ b; a = b for domestic links). */
export interface CountryPair {
  a: string;
  b: string;
  links: number;
}

/** Localities by number of partners in links active in a year (every link when year is absent). */
export function rankByPartners(input: TwinGraphInput, year?: number, limit = 20): LocalityRank[] {
  const graph = buildTwinGraph(selectNetwork(input, year === undefined ? {} : { asOf: year }));
  return topNodes(graph, (v) => degreeOf(graph, v), limit);
}

/** Localities by betweenness centrality, exact where affordable and sampled otherwise. */
export function rankByBetweenness(
  graph: TwinGraph,
  limit = 20,
  options: BetweennessOptions = {},
): BetweennessRanking {
  const result = betweenness(graph, options);
  const top = topNodes(graph, (v) => result.scores[v]!, limit);
  return {
    exact: result.exact,
    sources: result.sources,
    ...(result.seed === undefined ? {} : { seed: result.seed }),
    top,
  };
}

/** The `limit` nodes with the highest value, ties broken by key. */
export function topNodes(graph: TwinGraph, valueOf: (v: number) => number, limit: number): LocalityRank[] {
  const ranked = Array.from({ length: graph.n }, (_, v) => ({ v, value: valueOf(v) }));
  ranked.sort((x, y) => y.value - x.value || compareText(graph.keys[x.v]!, graph.keys[y.v]!));
  return ranked.slice(0, limit).map(({ v, value }) => {
    const { key, label, country } = graph.nodes[v]!;
    return {
      key,
      ...(label === undefined ? {} : { label }),
      ...(country === undefined ? {} : { country }),
      value,
    };
  });
}

/** Countries by number of links and of twinned localities, most links first. */
export function countriesByLinks(graph: TwinGraph): CountryRank[] {
  const byCountry = new Map<string, CountryRank>();
  const entry = (country: string): CountryRank => {
    let rank = byCountry.get(country);
    if (!rank) byCountry.set(country, (rank = { country, links: 0, localities: 0 }));
    return rank;
  };
  for (let v = 0; v < graph.n; v++) if (degreeOf(graph, v) > 0) entry(countryOf(graph, v)).localities++;
  for (let i = 0; i < graph.m; i++) {
    const a = countryOf(graph, graph.edgeA[i]!);
    const b = countryOf(graph, graph.edgeB[i]!);
    entry(a).links++;
    if (b !== a) entry(b).links++;
  }
  return [...byCountry.values()].sort(
    (x, y) => y.links - x.links || y.localities - x.localities || compareText(x.country, y.country),
  );
}

/** The country-pair matrix as a list of non-zero cells, most links first. */
export function countryPairMatrix(graph: TwinGraph): CountryPair[] {
  const cells = new Map<string, CountryPair>();
  for (let i = 0; i < graph.m; i++) {
    const [a, b] = [countryOf(graph, graph.edgeA[i]!), countryOf(graph, graph.edgeB[i]!)].sort(
      compareText,
    ) as [string, string];
    const id = `${a}\u0000${b}`;
    const cell = cells.get(id);
    if (cell) cell.links++;
    else cells.set(id, { a, b, links: 1 });
  }
  return [...cells.values()].sort(
    (x, y) => y.links - x.links || compareText(x.a, y.a) || compareText(x.b, y.b),
  );
}

/** The country of node v, or UNKNOWN_COUNTRY. */
export function countryOf(graph: TwinGraph, v: number): string {
  return graph.nodes[v]!.country ?? UNKNOWN_COUNTRY;
}

/** Orders strings by code unit, the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
