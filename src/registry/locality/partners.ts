import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { chronological, statusAt } from '../../core/link-lifecycle.js';
import { isNameValidAt, nameAt } from '../../core/locality-names.js';
import { regionName } from './region-names.js';
import { formatPartialDate, isOnOrBefore, type PartialDate } from '../../core/partial-date.js';
import { localitiesById, type LocalityRecord } from '../../store/locality.repository.js';
import type { LocalityBrief } from '../../store/locality-memory-model.js';
import { linksOfLocality, type LinkFacts } from '../../store/link.repository.js';
import type { DB } from '../../store/schema.js';
import { statingSourcesOf, type StatingSource } from '../../store/link-statement.repository.js';
import { knownBy } from '../link/attestation.js';
import type {
  LocalityAtDate,
  LocalityPartners,
  LocalitySummary,
  PartnerLists,
  PartnerView,
} from './partner-shapes.js';

export type {
  LocalityAtDate,
  LocalityPartners,
  LocalitySummary,
  PartnerLists,
  PartnerView,
} from './partner-shapes.js';

/** The order of `localeCompare` with no locale, built once: a collator per comparison costs more than the sort. */
const NAME_ORDER = new Intl.Collator().compare;

/** Partners in the order of their names. */
const byName = (x: PartnerView, y: PartnerView): number => NAME_ORDER(x.partner.name, y.partner.name);

/** Shows a locality as a list of places does, from its identity and the name it bore at the date. */
export function shownAs(loc: LocalityBrief): LocalityAtDate {
  return {
    id: loc.id,
    key: loc.key,
    kind: loc.kind,
    country: loc.country ?? null,
    region: regionName(loc.subdivision) ?? null,
    name: loc.name,
  };
}

/** Shows a locality as a list of places does at a date (or today): which it is, where, and its name then. */
export function atDate(loc: LocalityRecord, asOf: PartialDate | undefined): LocalityAtDate {
  const { id, key, kind, country, subdivision } = loc;
  return shownAs({ id, key, kind, country, subdivision, name: nameAt(loc.names, asOf) });
}

/** Shows a locality as it was at a date (or today), with every name valid then (every name without a date). */
export function summarize(loc: LocalityRecord, asOf: PartialDate | undefined): LocalitySummary {
  return {
    ...atDate(loc, asOf),
    namesAtDate: loc.names
      .filter((n) => asOf === undefined || isNameValidAt(n, asOf))
      .map((n) => ({ name: n.name, lang: n.lang })),
  };
}

/** A locality's partners, with each link's kind and status at `asOf` (today when absent). */
export async function localityPartners(
  db: Kysely<DB>,
  localityId: number,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<LocalityPartners> {
  const { record, partners } = await localityWithPartners(db, localityId, asOf, today);
  return { locality: summarize(record, asOf), ...partners };
}

/** The stored locality and its partners at `asOf`, read once for callers that show both. */
export async function localityWithPartners(
  db: Kysely<DB>,
  localityId: number,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<{ record: LocalityRecord; partners: PartnerLists }> {
  const links = await linksOfLocality(db, localityId);
  const ids = [localityId, ...links.map((l) => (l.aId === localityId ? l.bId : l.aId))];
  const localities = await localitiesById(db, ids);
  const self = localities.get(localityId);
  if (!self) throw new TwinningError('LocalityNotFound', `no locality has id ${localityId}`);
  const stating = await statingSourcesOf(
    db,
    links.map((l) => l.id),
  );
  const partnerAt = (id: number): LocalityAtDate => atDate(localities.get(id)!, asOf);
  return {
    record: self,
    partners: partnersOf({ selfId: localityId, links, partnerAt, stating }, asOf, today),
  };
}

/** What a locality's partners are shown from, however it was read (the database, or a copy in memory). */
export interface PartnerFacts {
  selfId: number;
  /** The links the locality is party to, in id order, with their events. */
  links: readonly LinkFacts[];
  /** A partner by id, as shown at the date asked. */
  partnerAt: (id: number) => LocalityAtDate;
  /** The sources that state each link, by link id: when each retrieved it (all `knownBy` reads). */
  stating: Pick<ReadonlyMap<number, readonly Pick<StatingSource, 'retrieved'>[]>, 'get'>;
}

/** A locality's partners at `asOf` (today when absent) from what was read: kind and status of each link. */
export function partnersOf(
  { selfId: localityId, links, partnerAt, stating }: PartnerFacts,
  asOf: PartialDate | undefined,
  today: PartialDate,
): PartnerLists {
  const partners: PartnerView[] = [];
  const undated: PartnerView[] = [];
  const underConsideration: PartnerView[] = [];
  for (const link of links) {
    const report = statusAt(link.events, asOf ?? today, knownBy(stating.get(link.id) ?? [], today));
    const latest = chronological(link.events)
      .filter((e) => isOnOrBefore(e.date!, asOf ?? today))
      .at(-1);
    const view: PartnerView = {
      linkId: link.id,
      partner: partnerAt(link.aId === localityId ? link.bId : link.aId),
      kind: link.kind ?? null,
      status: report.status,
      since: report.since ? formatPartialDate(report.since) : null,
      cause: report.cause?.cause ?? null,
      exclusive: link.exclusive,
      latest: latest ? { type: latest.type, date: formatPartialDate(latest.date!) } : null,
    };
    if (report.status === 'unknown') undated.push(view);
    else if (report.status !== 'not_formed') partners.push(view);
    else if (latest) underConsideration.push(view);
  }
  return {
    asOf: asOf ? formatPartialDate(asOf) : null,
    partners: partners.sort(byName),
    undated: undated.sort(byName),
    underConsideration: underConsideration.sort(byName),
  };
}
