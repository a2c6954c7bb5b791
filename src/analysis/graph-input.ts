/**
 * The plain input every analysis starts from: localities and the links between them, as a store
 * query, an importer or a test fixture can produce them without knowing anything of the metrics.
 *
 * - A node is keyed by any stable string (`coventry`, `Q3955`, `Berat|Albania`).
 * - An edge names two keys; an edge whose key has no node entry still adds that node (attributes
 *   unknown). Edges are undirected; duplicates and self-loops are tolerated here and counted and
 *   dropped by the graph builder.
 * - Dates are years. A link is active in year Y when `formed` is absent or at most Y, and `ended`
 *   is absent or greater than Y (so a link terminated in 2022 no longer counts in 2022).
 */

import type { EndingEvent } from '../core/link-lifecycle.js';

/** What a link's end was: the lifecycle events that stop a link being active. */
export type LinkEndType = EndingEvent;

/** One locality as the analyses see it. */
export interface TwinNodeInput {
  key: string;
  label?: string;
  /** Any consistent country code or name (ISO alpha-2 in the registry). */
  country?: string;
  continent?: string;
  lat?: number;
  lon?: number;
}

/** One twinning as the analyses see it. */
export interface TwinEdgeInput {
  a: string;
  b: string;
  /** A link kind from the registry's terminology (`sister_city`, `friendship_city`, ...). */
  kind?: string;
  /** Year the link was formed, when known. */
  formed?: number;
  /** Year the link stopped being active, when it did. */
  ended?: number;
  endedType?: LinkEndType;
  /** Why it ended, in words ("war in Ukraine", "Armenian genocide recognition"). */
  cause?: string;
  /** Names of the sources that list the link (`wikidata`, `wikipedia-lists`, `clair`, ...). */
  sources?: string[];
}

/** A whole network to analyse. */
export interface TwinGraphInput {
  nodes: TwinNodeInput[];
  edges: TwinEdgeInput[];
}

/** Which part of the network to analyse; every field left out means "no restriction". */
export interface NetworkFilter {
  /** Keep links active in this year. */
  asOf?: number;
  kinds?: readonly string[];
  /** Keep links touching a locality in one of these countries (both ends with `countryMatch: 'both'`). */
  countries?: readonly string[];
  countryMatch?: 'either' | 'both';
  /** Keep links listed by at least one of these sources. */
  sources?: readonly string[];
}

/** True when a link is active in the given year (see the module comment for the rule). */
export function isActiveIn(edge: TwinEdgeInput, year: number): boolean {
  if (edge.formed !== undefined && edge.formed > year) return false;
  return edge.ended === undefined || edge.ended > year;
}

/** The sub-network a filter selects; nodes are kept only when a kept link touches them. */
export function selectNetwork(input: TwinGraphInput, filter: NetworkFilter = {}): TwinGraphInput {
  const countryOf = new Map(input.nodes.map((node) => [node.key, node.country]));
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  const countries = filter.countries ? new Set(filter.countries) : undefined;
  const sources = filter.sources ? new Set(filter.sources) : undefined;
  const both = filter.countryMatch === 'both';
  const inCountries = (key: string): boolean => {
    const country = countryOf.get(key);
    return country !== undefined && countries!.has(country);
  };
  const edges = input.edges.filter((edge) => {
    if (filter.asOf !== undefined && !isActiveIn(edge, filter.asOf)) return false;
    if (kinds && (edge.kind === undefined || !kinds.has(edge.kind))) return false;
    if (sources && !(edge.sources ?? []).some((source) => sources.has(source))) return false;
    if (countries) {
      const a = inCountries(edge.a);
      const b = inCountries(edge.b);
      if (both ? !(a && b) : !(a || b)) return false;
    }
    return true;
  });
  const touched = new Set<string>();
  for (const edge of edges) {
    touched.add(edge.a);
    touched.add(edge.b);
  }
  return { nodes: input.nodes.filter((node) => touched.has(node.key)), edges };
}
