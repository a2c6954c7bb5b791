import type { Kysely } from 'kysely';
import type {
  LinkEndType,
  TwinEdgeInput,
  TwinGraphInput,
  TwinNodeInput,
} from '../../analysis/graph-input.js';
import { continentOf } from '../../core/country.js';
import {
  chronological,
  isEndingEvent,
  isFormingEvent,
  statusAt,
  type LinkStatus,
} from '../../core/link-lifecycle.js';
import { earliestDay, type PartialDate } from '../../core/partial-date.js';
import {
  allNetworkLocalities,
  linkCitingSources,
  networkLinks,
  networkPlaceKeys,
  networkPlaces,
  sourceKeysByLink,
  type NetworkLink,
  type NetworkLocality,
} from '../../store/network.repository.js';
import { knownBy } from '../link/attestation.js';
import type { DB } from '../../store/schema.js';

/** Which links make the network: at a date, of some kinds, touching some countries, stated by some sources. */
export interface NetworkQuery {
  asOf?: PartialDate;
  kinds?: readonly string[];
  countries?: readonly string[];
  sources?: readonly string[];
  /** Count every link ever formed, ended ones included (for the history of formations and endings). */
  everFormed?: boolean;
}

/** The registry as the analyses see it, and how the date was applied. */
export interface NetworkInput {
  input: TwinGraphInput;
  /** Links whose status at the date is `active`. */
  active: number;
  /**
   * Links counted although nothing dates them back to the date asked: only undated events, from sources
   * retrieved later, say they were formed (their status then is `unknown`).
   */
  undated: number;
}

/** A place as the network reads it: its id and key, its name, country and coordinates when asked for. */
type Place = Pick<NetworkLocality, 'id' | 'key'> & Partial<NetworkLocality>;

/** The statuses of a link that counts in the network at a date. */
const COUNTED: ReadonlySet<LinkStatus> = new Set(['active', 'unknown']);

/** Years of formation and of the ending in force today, for the time series. */
function edgeDates(
  link: NetworkLink,
  today: PartialDate,
): Pick<TwinEdgeInput, 'formed' | 'ended' | 'endedType' | 'cause'> {
  const dated = chronological(link.events);
  const formed = dated.find((e) => isFormingEvent(e.type))?.date?.year;
  const now = statusAt(link.events, undefined, today);
  const ending =
    now.status !== 'active' && now.cause && isEndingEvent(now.cause.type) ? now.cause : undefined;
  return {
    formed,
    ended: ending?.date?.year,
    endedType: ending?.type as LinkEndType | undefined,
    cause: ending?.cause,
  };
}

/**
 * The date by which each link is known to stand, read cheaply: a source that lists or cites a link is evidence
 * that it stood when the source was retrieved (`knownBy`), so the few sources are ranked by the first day their
 * retrieval may mean and the database gives each link its best-ranked source (no row per link and source is read).
 * Sources retrieved on the same first day are interchangeable here: `statusAt`, given a date asked, reads the date
 * known by only as its first day.
 */
async function attestation(
  db: Kysely<DB>,
  today: PartialDate,
): Promise<{
  sourceRanks: Map<number, number>;
  knownByRank: PartialDate[];
  citedRanks: Map<number, number>;
}> {
  const [sources, cited] = await Promise.all([
    db.selectFrom('sources').select(['id', 'retrieved']).execute(),
    linkCitingSources(db),
  ]);
  const dated = sources
    .filter((s) => s.retrieved !== null)
    .map((s) => ({ id: s.id, knownBy: knownBy([s], today) }))
    .sort((x, y) => earliestDay(x.knownBy) - earliestDay(y.knownBy));
  const sourceRanks = new Map(dated.map((s, rank) => [s.id, rank]));
  const citedRanks = new Map<number, number>();
  for (const { linkId, sourceId } of cited) {
    const rank = sourceRanks.get(sourceId);
    if (rank !== undefined && rank < (citedRanks.get(linkId) ?? Infinity)) citedRanks.set(linkId, rank);
  }
  return { sourceRanks, knownByRank: dated.map((s) => s.knownBy), citedRanks };
}

/**
 * Reads each link's status at a date (`statusAt`, with the date its sources know it by). A link whose events carry
 * no date (most imported links: one undated formation) has the status of every other such link with the same event
 * types and the same best-ranked source, since statusAt reads nothing else of them: it is worked out once for each.
 */
function statusReader(
  asOf: PartialDate,
  today: PartialDate,
  knownByRank: readonly PartialDate[],
  citedRanks: ReadonlyMap<number, number>,
): (link: NetworkLink) => LinkStatus {
  const undatedStatus = new Map<number, Map<string, LinkStatus>>();
  return (link) => {
    const rank = Math.min(link.listedRank ?? Infinity, citedRanks.get(link.id) ?? Infinity);
    const knownBy = rank === Infinity ? today : knownByRank[rank]!;
    const { events } = link;
    for (const event of events) if (event.date !== undefined) return statusAt(events, asOf, knownBy).status;
    const types = events.length === 1 ? events[0]!.type : events.map((e) => e.type).join(' ');
    let byTypes = undatedStatus.get(rank);
    if (byTypes === undefined) undatedStatus.set(rank, (byTypes = new Map()));
    let status = byTypes.get(types);
    if (status === undefined) byTypes.set(types, (status = statusAt(events, asOf, knownBy).status));
    return status;
  };
}

/**
 * Builds the analyses' input from the registry. A link counts when its status at the date (today when none
 * is given) is active, or unknown because only undated events say it was formed, as most imported links are;
 * how many of each is reported. Kind, country and source filters apply as in `selectNetwork`. Each edge carries
 * the years it was formed and ended (for the time series) unless `dates: false` asks to skip them, the keys of the
 * sources that list it unless `sources: false` does (an analysis that reads no edge's sources, as no study does), and
 * each node its place's primary name unless `labels: false` does (an analysis that names no place, such as the
 * summary) and its country, continent and coordinates unless `attributes: false` does (one that reads nothing of a
 * place but its links, such as the summary).
 */
export async function loadNetworkInput(
  db: Kysely<DB>,
  query: NetworkQuery,
  today: PartialDate,
  {
    dates = true,
    labels = true,
    sources: withSources = true,
    attributes = true,
  }: { dates?: boolean; labels?: boolean; sources?: boolean; attributes?: boolean } = {},
): Promise<NetworkInput> {
  const { sourceRanks, knownByRank, citedRanks } = await attestation(db, today);
  const [localities, links, sourcesOf] = await Promise.all([
    (labels
      ? allNetworkLocalities(db)
      : attributes || query.countries
        ? networkPlaces(db)
        : networkPlaceKeys(db)) as Promise<Place[]>,
    networkLinks(db, sourceRanks),
    withSources || query.sources ? sourceKeysByLink(db) : new Map<number, string[]>(),
  ]);
  const statusOf = statusReader(query.asOf ?? today, today, knownByRank, citedRanks);
  const keyOf = new Map(localities.map((l) => [l.id, l.key]));
  const kinds = query.kinds && new Set(query.kinds);
  const countries = query.countries && new Set(query.countries.map((c) => c.toUpperCase()));
  const countryOf = new Map(countries ? localities.map((l) => [l.id, l.country]) : []);
  const sources = query.sources && new Set(query.sources);
  let active = 0;
  let undated = 0;
  const edges: TwinEdgeInput[] = [];
  for (const link of links) {
    if (kinds && !kinds.has(link.kind ?? '')) continue;
    if (
      countries &&
      !countries.has(countryOf.get(link.aId) ?? '') &&
      !countries.has(countryOf.get(link.bId) ?? '')
    )
      continue;
    const linkSources = sourcesOf.get(link.id);
    if (sources && !linkSources?.some((s) => sources.has(s))) continue;
    const status = statusOf(link);
    if (query.everFormed ? status === 'not_formed' : !COUNTED.has(status)) continue;
    if (status === 'active') active++;
    else undated++;
    const edge: TwinEdgeInput = { a: keyOf.get(link.aId)!, b: keyOf.get(link.bId)!, kind: link.kind };
    if (withSources) edge.sources = linkSources ?? [];
    if (dates) Object.assign(edge, edgeDates(link, today));
    edges.push(edge);
  }
  const touched = new Set<string>();
  for (const edge of edges) touched.add(edge.a).add(edge.b);
  const nodes: TwinNodeInput[] = localities
    .filter((l) => touched.has(l.key))
    .map((l) =>
      attributes
        ? {
            key: l.key,
            label: l.name,
            country: l.country ?? undefined,
            continent: l.country ? continentOf(l.country) : undefined,
            lat: l.lat ?? undefined,
            lon: l.lon ?? undefined,
          }
        : { key: l.key, label: l.name },
    );
  return { input: { nodes, edges }, active, undated };
}
