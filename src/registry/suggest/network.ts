import type { Kysely } from 'kysely';
import { isLive } from '../../core/exclusivity.js';
import { statusAt } from '../../core/link-lifecycle.js';
import { earliestDay, type PartialDate } from '../../core/partial-date.js';
import { kmToCoast } from '../../core/suggest/coast.js';
import { seatLevel } from '../../core/suggest/seat-level.js';
import { buildSuggestGraph, type SuggestGraph, type SuggestPlace } from '../../core/suggest/graph.js';
import { linksById } from '../../store/link.repository.js';
import { networkStamp } from '../../store/network.repository.js';
import type { DB } from '../../store/schema.js';
import { exclusiveLinkIds, suggestPlaceRows } from '../../store/suggest.repository.js';
import { loadNetworkInput } from '../network/input.js';
import { coastline } from './coastline.js';

/** The finder's network at a date: every locality a candidate, the links in force then, and who is bound exclusively. */
export interface SuggestNetwork {
  graph: SuggestGraph;
  /** Keys of the places holding a live exclusive twinning at the date, with their exclusive partner's key. */
  exclusiveWith: ReadonlyMap<string, string>;
}

let cached: { stamp: string; network: SuggestNetwork } | undefined;

/**
 * Reads the finder's network: every locality (a candidate whether or not it has partners, its seat level from
 * the feature code stored on it and its first-level division from the division stored on it, both known without
 * a loaded gazetteer, and its km to the coast from its coordinates) and the links counted at `asOf` as the
 * network studies count them (active, or formed by undated events). One network is kept per process, keyed by
 * the data stamp, the date and today, so repeated queries skip the read.
 */
export async function loadSuggestNetwork(
  db: Kysely<DB>,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<SuggestNetwork> {
  const stamp = `${await networkStamp(db)}|${asOf ? earliestDay(asOf) : ''}|${earliestDay(today)}`;
  if (cached?.stamp === stamp) return cached.network;
  const [rows, { input }, exclusiveIds] = await Promise.all([
    suggestPlaceRows(db),
    loadNetworkInput(db, { asOf }, today),
    exclusiveLinkIds(db),
  ]);
  const coast = coastline();
  const places: SuggestPlace[] = rows.map((r) => ({
    key: r.key,
    name: r.name,
    kind: r.kind,
    country: r.country ?? undefined,
    lat: r.lat ?? undefined,
    lon: r.lon ?? undefined,
    population: r.population ?? undefined,
    seat: seatLevel(r.featureCode),
    division: r.division ?? undefined,
    otherNames: r.otherNames ?? undefined,
    coastKm: r.lat !== null && r.lon !== null ? kmToCoast(coast, r.lat, r.lon) : undefined,
  }));
  const index = new Map(places.map((p, i) => [p.key, i]));
  const edges = input.edges.map((e) => [index.get(e.a)!, index.get(e.b)!] as const);
  const keyOfId = new Map(rows.map((r) => [r.id, r.key]));
  const exclusiveWith = new Map<string, string>();
  for (const link of await linksById(db, exclusiveIds)) {
    if (!isLive(statusAt(link.events, asOf ?? today, today).status)) continue;
    const a = keyOfId.get(link.aId)!;
    const b = keyOfId.get(link.bId)!;
    exclusiveWith.set(a, b);
    exclusiveWith.set(b, a);
  }
  const network = { graph: buildSuggestGraph(places, edges), exclusiveWith };
  cached = { stamp, network };
  return network;
}
