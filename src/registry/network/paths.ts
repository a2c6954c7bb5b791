import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { shortestChain, withinSteps } from '../../analysis/paths.js';
import { buildTwinGraph } from '../../analysis/twin-graph.js';
import type { PartialDate } from '../../core/partial-date.js';
import { NullableString } from '../../core/shapes.js';
import type { DB } from '../../store/schema.js';
import { loadNetworkInput, type NetworkQuery } from './input.js';

/** A place on a chain or within reach: its key, name and country, and how many twinnings away it is. */
export const PlaceStep = Type.Object({
  key: Type.String(),
  name: Type.String(),
  country: NullableString,
  steps: Type.Integer(),
});
export type PlaceStep = Static<typeof PlaceStep>;

async function network(db: Kysely<DB>, query: NetworkQuery, today: PartialDate) {
  const { input } = await loadNetworkInput(db, query, today);
  const graph = buildTwinGraph(input);
  const describe = (key: string, steps: number): PlaceStep => {
    const node = graph.nodes[graph.indexOf.get(key)!]!;
    return { key, name: node.label ?? key, country: node.country ?? null, steps };
  };
  return { graph, describe };
}

/** The shortest chain of twinnings between two localities (both ends included), or undefined when none links them. */
export async function chainBetween(
  db: Kysely<DB>,
  fromKey: string,
  toKey: string,
  query: NetworkQuery,
  today: PartialDate,
): Promise<PlaceStep[] | undefined> {
  const { graph, describe } = await network(db, query, today);
  return shortestChain(graph, fromKey, toKey)?.map((key, i) => describe(key, i));
}

/** Every locality within k twinnings of one, nearest first. */
export async function placesWithin(
  db: Kysely<DB>,
  key: string,
  k: number,
  query: NetworkQuery,
  today: PartialDate,
): Promise<PlaceStep[]> {
  const { graph, describe } = await network(db, query, today);
  return withinSteps(graph, key, k).map((r) => describe(r.key, r.steps));
}
