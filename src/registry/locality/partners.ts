import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { LINK_KINDS } from '../../core/link.js';
import { chronological, LINK_STATUSES, statusAt } from '../../core/link-lifecycle.js';
import { isNameValidAt, nameAt } from '../../core/locality-names.js';
import { regionName } from '../../core/region.js';
import { formatPartialDate, isOnOrBefore, type PartialDate } from '../../core/partial-date.js';
import { Nullable, NullableString, StringEnum } from '../../core/shapes.js';
import { localitiesById, type LocalityRecord } from '../../store/locality.repository.js';
import { linksOfLocality } from '../../store/link.repository.js';
import type { DB } from '../../store/schema.js';
import { statingSourcesOf } from '../../store/link-statement.repository.js';
import { knownBy } from '../link/attestation.js';

/** A locality as shown at a date: the name it bore then, and every name valid then. */
export const LocalitySummary = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  kind: Type.String(),
  country: NullableString,
  /** The first-level subdivision it lies in, where known (Illinois): namesakes told apart. */
  region: NullableString,
  name: Type.String(),
  namesAtDate: Type.Array(Type.Object({ name: Type.String(), lang: Type.String() })),
});
export type LocalitySummary = Static<typeof LocalitySummary>;

/** One partner of a locality at a date; `latest` is the latest event by the date (`explored` for a link under consideration). */
export const PartnerView = Type.Object({
  linkId: Type.Integer(),
  partner: LocalitySummary,
  kind: Nullable(StringEnum(LINK_KINDS)),
  status: StringEnum(LINK_STATUSES),
  since: NullableString,
  cause: NullableString,
  exclusive: Type.Boolean(),
  latest: Nullable(Type.Object({ type: Type.String(), date: Type.String() })),
});
export type PartnerView = Static<typeof PartnerView>;

/**
 * A locality with its partners at a date: those known to have been formed by then (with their status),
 * apart from them those that sources list without any date that reaches back to then (`undated`, status
 * `unknown`), and the links then only being explored or proposed.
 */
export const LocalityPartners = Type.Object({
  locality: LocalitySummary,
  asOf: NullableString,
  partners: Type.Array(PartnerView, {
    description: 'Links known to have been formed by the date, each with its status then',
  }),
  undated: Type.Array(PartnerView, {
    description:
      'Links that sources list without a date reaching back to the date asked (status unknown): not known to be in force then',
  }),
  underConsideration: Type.Array(PartnerView),
});
export type LocalityPartners = Static<typeof LocalityPartners>;

/** Shows a locality as it was at a date (or today). */
export function summarize(loc: LocalityRecord, asOf: PartialDate | undefined): LocalitySummary {
  return {
    id: loc.id,
    key: loc.key,
    kind: loc.kind,
    country: loc.country ?? null,
    region: regionName(loc.subdivision) ?? null,
    name: nameAt(loc.names, asOf),
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
  return (await localityWithPartners(db, localityId, asOf, today)).partners;
}

/** The stored locality and its partners at `asOf`, read once for callers that show both. */
export async function localityWithPartners(
  db: Kysely<DB>,
  localityId: number,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<{ record: LocalityRecord; partners: LocalityPartners }> {
  const links = await linksOfLocality(db, localityId);
  const ids = [localityId, ...links.map((l) => (l.aId === localityId ? l.bId : l.aId))];
  const localities = await localitiesById(db, ids);
  const self = localities.get(localityId);
  if (!self) throw new TwinningError('LocalityNotFound', `no locality has id ${localityId}`);
  const stating = await statingSourcesOf(
    db,
    links.map((l) => l.id),
  );
  const partners: PartnerView[] = [];
  const undated: PartnerView[] = [];
  const underConsideration: PartnerView[] = [];
  for (const link of links) {
    const partner = localities.get(link.aId === localityId ? link.bId : link.aId)!;
    const report = statusAt(link.events, asOf ?? today, knownBy(stating.get(link.id) ?? [], today));
    const latest = chronological(link.events)
      .filter((e) => isOnOrBefore(e.date!, asOf ?? today))
      .at(-1);
    const view: PartnerView = {
      linkId: link.id,
      partner: summarize(partner, asOf),
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
  const byName = (x: PartnerView, y: PartnerView): number => x.partner.name.localeCompare(y.partner.name);
  return {
    record: self,
    partners: {
      locality: summarize(self, asOf),
      asOf: asOf ? formatPartialDate(asOf) : null,
      partners: partners.sort(byName),
      undated: undated.sort(byName),
      underConsideration: underConsideration.sort(byName),
    },
  };
}
