import type { Kysely } from 'kysely';
import { forceLayout, type Position } from '../../analysis/force-layout.js';
import type { TwinGraphInput } from '../../analysis/graph-input.js';
import { neighbourhood, type Neighbourhood } from '../../analysis/neighbourhood.js';
import { shortestChain } from '../../analysis/paths.js';
import { compareText, countryOf, UNKNOWN_COUNTRY } from '../../analysis/rankings.js';
import { buildTwinGraph, type TwinGraph } from '../../analysis/twin-graph.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { dataStamp } from '../../store/data-stamp.repository.js';
import type { DB } from '../../store/schema.js';
import { localityIdOfKey } from '../locality/view.js';
import { loadNetworkInput } from './input.js';
import type { PlaceStep } from './paths.js';

let kept: { stamp: string; graph: TwinGraph; input: TwinGraphInput } | undefined;

/**
 * The network in force today (as the studies count it: active, or undated in sources), built once per data
 * stamp and day and kept for the next call in this thread: a chain or a neighbourhood then costs a search,
 * not a read of every link.
 */
async function networkToday(db: Kysely<DB>, today: PartialDate) {
  const stamp = `${await dataStamp(db)}@${formatPartialDate(today)}`;
  if (kept?.stamp !== stamp) {
    const { input } = await loadNetworkInput(db, {}, today);
    kept = { stamp, graph: buildTwinGraph(input), input };
  }
  return kept;
}

/**
 * The shortest chain of twinnings in force today between two places (both ends included), or null when none
 * links them. LocalityNotFound for an unknown key, or a place without any link in force (field from or to).
 */
export async function chainToday(
  db: Kysely<DB>,
  fromKey: string,
  toKey: string,
  today: PartialDate,
): Promise<PlaceStep[] | null> {
  await localityIdOfKey(db, fromKey, 'from');
  await localityIdOfKey(db, toKey, 'to');
  const { graph } = await networkToday(db, today);
  const chain = shortestChain(graph, fromKey, toKey);
  if (!chain) return null;
  return chain.map((key, steps) => {
    const node = graph.nodes[graph.indexOf.get(key)!]!;
    return { key, name: node.label ?? key, country: node.country ?? null, steps };
  });
}

/** A neighbourhood with a position for each place, laid out for a drawing of the given size. */
export interface NeighbourhoodDrawing extends Neighbourhood {
  positions: Position[];
  width: number;
  height: number;
}

/**
 * A place's neighbourhood in the network in force today (places within `steps` twinnings, at most `maxNodes`,
 * the links among them), laid out by a force simulation for a width × height drawing.
 */
export async function neighbourhoodToday(
  db: Kysely<DB>,
  key: string,
  steps: number,
  maxNodes: number,
  today: PartialDate,
): Promise<NeighbourhoodDrawing> {
  await localityIdOfKey(db, key, 'key');
  const { graph } = await networkToday(db, today);
  const found = neighbourhood(graph, key, steps, maxNodes);
  const size = { width: 760, height: 520 };
  return {
    ...found,
    ...size,
    positions: forceLayout(found.nodes.length, found.edges, { ...size, margin: 24 }),
  };
}

/** A country's links in force today with one partner country, by kind (`none` where no kind is recorded). */
export interface PartnerCountryRow {
  country: string;
  links: number;
  byKind: Record<string, number>;
}

/** A country's links in force today by partner country and kind: the rows of a matrix, most links first. */
export interface CountryMatrix {
  country: string;
  links: number;
  kinds: string[];
  rows: PartnerCountryRow[];
}

/** The matrix of a country's links in force today: partner countries by link kind (domestic links included). */
export async function countryMatrixToday(
  db: Kysely<DB>,
  country: string,
  today: PartialDate,
): Promise<CountryMatrix> {
  const { graph, input } = await networkToday(db, today);
  const rows = new Map<string, PartnerCountryRow>();
  const kinds = new Set<string>();
  let links = 0;
  for (let i = 0; i < graph.m; i++) {
    const a = countryOf(graph, graph.edgeA[i]!);
    const b = countryOf(graph, graph.edgeB[i]!);
    if (a !== country && b !== country) continue;
    links++;
    const partner = a === country ? b : a;
    const kind = input.edges[graph.edgeOrigins[i]![0]!]!.kind ?? 'none';
    kinds.add(kind);
    const row = rows.get(partner) ?? { country: partner, links: 0, byKind: {} };
    row.links++;
    row.byKind[kind] = (row.byKind[kind] ?? 0) + 1;
    rows.set(partner, row);
  }
  return {
    country,
    links,
    kinds: [...kinds].sort(compareText),
    rows: [...rows.values()].sort(
      (x, y) =>
        y.links - x.links ||
        Number(x.country === UNKNOWN_COUNTRY) - Number(y.country === UNKNOWN_COUNTRY) ||
        compareText(x.country, y.country),
    ),
  };
}
