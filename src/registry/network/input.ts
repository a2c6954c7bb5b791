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
import type { PartialDate } from '../../core/partial-date.js';
import {
  allNetworkLocalities,
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
 * Builds the analyses' input from the registry. A link counts when its status at the date (today when none
 * is given) is active, or unknown because only undated events say it was formed, as most imported links are;
 * how many of each is reported. Kind, country and source filters apply as in `selectNetwork`. Each edge carries
 * the years it was formed and ended (for the time series) unless `dates: false` asks to skip them, and each node its
 * place's primary name unless `labels: false` does (an analysis that names no place, such as the summary).
 */
export async function loadNetworkInput(
  db: Kysely<DB>,
  query: NetworkQuery,
  today: PartialDate,
  { dates = true, labels = true }: { dates?: boolean; labels?: boolean } = {},
): Promise<NetworkInput> {
  const [localities, links, sourcesOf, retrievals] = await Promise.all([
    labels ? allNetworkLocalities(db) : (networkPlaces(db) as Promise<(NetworkPlace & { name?: string })[]>),
    networkLinks(db),
    sourceKeysByLink(db),
    db.selectFrom('sources').select(['key', 'retrieved']).execute(),
  ]);
  // A source that states a link is evidence that it stood when the source was retrieved; links share a few
  // sets of sources, so the date is worked out once a set.
  const retrievedOf = new Map(retrievals.map((r) => [r.key, r.retrieved]));
  const attestedBy = new Map<string, PartialDate>();
  const attested = (keys: readonly string[]): PartialDate => {
    const set = keys.join('\n');
    let date = attestedBy.get(set);
    if (date === undefined) {
      date = knownBy(
        keys.map((k) => ({ retrieved: retrievedOf.get(k) ?? null })),
        today,
      );
      attestedBy.set(set, date);
    }
    return date;
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
    const status = statusAt(link.events, query.asOf ?? today, attested(linkSources)).status;
    if (query.everFormed ? status === 'not_formed' : !COUNTED.has(status)) continue;
    if (status === 'active') active++;
    else undated++;
    edges.push({
      a: keyOf.get(link.aId)!,
      b: keyOf.get(link.bId)!,
      kind: link.kind,
      sources: linkSources,
      ...(dates ? edgeDates(link, today) : {}),
    });
  }
  const touched = new Set(edges.flatMap((e) => [e.a, e.b]));
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
