import type { Kysely } from 'kysely';
import { continentOf } from '../core/country.js';
import { LINK_STATUSES, statusAt, type LinkStatus } from '../core/link-lifecycle.js';
import type { PartialDate } from '../core/partial-date.js';
import type { LinkRecord } from '../store/link.repository.js';
import { allLinks, allNetworkLocalities, sourceKeysByLink } from '../store/network.repository.js';
import type { DB } from '../store/schema.js';

/** The first year the map's slider reaches: the earliest twinning on record (Paderborn and Le Mans, 836). */
export const FIRST_YEAR = 836;

/**
 * The whole world for the map, in one compact document. Places are `[key, name, lat, lon, country index]`;
 * links are `[id, place index, place index, kind index, source indexes, changes]`, where `changes` is a flat
 * list of `year, status index` pairs: the status from that year on (the last pair is today's). A link with
 * no pair at or before a year was not formed then.
 */
export interface MapData {
  today: string;
  firstYear: number;
  statuses: readonly LinkStatus[];
  kinds: string[];
  sources: string[];
  countries: string[];
  /** Each country's continent code (AF AN AS EU NA OC SA), by the index of `countries`; empty when unknown. */
  continents: string[];
  places: [string, string, number, number, number][];
  links: [number, number, number, number, number[], number[]][];
}

/** An index into a list of distinct values, adding the value when new. */
function indexer(): { list: string[]; of(value: string): number } {
  const list: string[] = [];
  const at = new Map<string, number>();
  return {
    list,
    of(value) {
      let index = at.get(value);
      if (index === undefined) {
        index = list.length;
        list.push(value);
        at.set(value, index);
      }
      return index;
    },
  };
}

/**
 * A link's status through time as `year, status` pairs: the status can change only in a year some event is
 * dated in, and today (when undated events are known to have happened), so it is derived at those years.
 */
export function statusChanges(link: Pick<LinkRecord, 'events'>, today: PartialDate): number[] {
  const years = new Set<number>([FIRST_YEAR]);
  for (const event of link.events) {
    if (event.date && event.date.year > FIRST_YEAR && event.date.year <= today.year)
      years.add(event.date.year);
  }
  const pairs: number[] = [];
  let last = -1;
  const add = (year: number, status: LinkStatus): void => {
    const index = LINK_STATUSES.indexOf(status);
    if (index !== last) pairs.push(year, index);
    last = index;
  };
  for (const year of [...years].sort((x, y) => x - y))
    add(year, statusAt(link.events, { year }, today).status);
  add(today.year, statusAt(link.events, undefined, today).status);
  return pairs[1] === LINK_STATUSES.indexOf('not_formed') && pairs.length === 2 ? [] : pairs;
}

/** Every link between two placed localities, with its status through time, kind and sources, for the map. */
export async function mapData(db: Kysely<DB>, today: PartialDate, todayText: string): Promise<MapData> {
  const [localities, links, sourcesOf] = await Promise.all([
    allNetworkLocalities(db),
    allLinks(db),
    sourceKeysByLink(db),
  ]);
  const placed = new Map(localities.filter((l) => l.lat !== null && l.lon !== null).map((l) => [l.id, l]));
  const kinds = indexer();
  const sources = indexer();
  const countries = indexer();
  const placeIndex = new Map<number, number>();
  const places: MapData['places'] = [];
  const indexOfPlace = (id: number): number => {
    let index = placeIndex.get(id);
    if (index === undefined) {
      const l = placed.get(id)!;
      index = places.length;
      places.push([l.key, l.name, round(l.lat!), round(l.lon!), countries.of(l.country ?? '')]);
      placeIndex.set(id, index);
    }
    return index;
  };
  const out: MapData['links'] = [];
  for (const link of links) {
    if (!placed.has(link.aId) || !placed.has(link.bId)) continue;
    const changes = statusChanges(link, today);
    if (changes.length === 0) continue;
    out.push([
      link.id,
      indexOfPlace(link.aId),
      indexOfPlace(link.bId),
      kinds.of(link.kind ?? ''),
      (sourcesOf.get(link.id) ?? []).map((s) => sources.of(s)),
      changes,
    ]);
  }
  return {
    today: todayText,
    firstYear: FIRST_YEAR,
    statuses: LINK_STATUSES,
    kinds: kinds.list,
    sources: sources.list,
    countries: countries.list,
    continents: countries.list.map((c) => (c === '' ? '' : (continentOf(c) ?? ''))),
    places,
    links: out,
  };
}

/** Four decimals of a degree: about 11 m, plenty for a world map. */
function round(degrees: number): number {
  return Math.round(degrees * 1e4) / 1e4;
}
