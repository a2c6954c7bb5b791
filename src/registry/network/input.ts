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
  networkPlaces,
  type NetworkPlace,
  sourceKeysByLink,
  type NetworkLink,
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
 * Builds the analyses' input from the registry. A link counts when its status at the date (today when none
 * is given) is active, or unknown because only undated events say it was formed, as most imported links are;
 * how many of each is reported. Kind, country and source filters apply as in `selectNetwork`. Each edge carries
 * the years it was formed and ended (for the time series) unless `dates: false` asks to skip them, the keys of the
 * sources that list it unless `sources: false` does (an analysis that reads no edge's sources, as no study does), and
 * each node its place's primary name unless `labels: false` does (an analysis that names no place, such as the
 * summary).
 */
export async function loadNetworkInput(
  db: Kysely<DB>,
  query: NetworkQuery,
  today: PartialDate,
  {
    dates = true,
    labels = true,
    sources: withSources = true,
  }: { dates?: boolean; labels?: boolean; sources?: boolean } = {},
): Promise<NetworkInput> {
  const { sourceRanks, knownByRank, citedRanks } = await attestation(db, today);
  const [localities, links, sourcesOf] = await Promise.all([
    labels ? allNetworkLocalities(db) : (networkPlaces(db) as Promise<(NetworkPlace & { name?: string })[]>),
    networkLinks(db, sourceRanks),
    withSources || query.sources ? sourceKeysByLink(db) : new Map<number, string[]>(),
  ]);
  const attested = (link: NetworkLink): PartialDate => {
    const rank = Math.min(link.listedRank ?? Infinity, citedRanks.get(link.id) ?? Infinity);
    return rank === Infinity ? today : knownByRank[rank]!;
  };
  const keyOf = new Map(localities.map((l) => [l.id, l.key]));
  const countryOf = new Map(localities.map((l) => [l.id, l.country]));
  const kinds = query.kinds && new Set(query.kinds);
  const countries = query.countries && new Set(query.countries.map((c) => c.toUpperCase()));
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
    const linkSources = sourcesOf.get(link.id) ?? [];
    if (sources && !linkSources.some((s) => sources.has(s))) continue;
    const status = statusAt(link.events, query.asOf ?? today, attested(link)).status;
    if (query.everFormed ? status === 'not_formed' : !COUNTED.has(status)) continue;
    if (status === 'active') active++;
    else undated++;
    const edge: TwinEdgeInput = { a: keyOf.get(link.aId)!, b: keyOf.get(link.bId)!, kind: link.kind };
    if (withSources) edge.sources = linkSources;
    if (dates) Object.assign(edge, edgeDates(link, today));
    edges.push(edge);
  }
  const touched = new Set<string>();
  for (const edge of edges) touched.add(edge.a).add(edge.b);
  const nodes: TwinNodeInput[] = localities
    .filter((l) => touched.has(l.key))
    .map((l) => ({
      key: l.key,
      label: l.name,
      country: l.country ?? undefined,
      continent: l.country ? continentOf(l.country) : undefined,
      lat: l.lat ?? undefined,
      lon: l.lon ?? undefined,
    }));
  return { input: { nodes, edges }, active, undated };
}
