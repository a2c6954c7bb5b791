import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { isNameValidAt } from '../../core/locality-names.js';
import type { PartialDate } from '../../core/partial-date.js';
import { Shared } from '../../core/shapes.js';
import type { DB } from '../../store/schema.js';
import type { LocalityRecord } from '../../store/locality.repository.js';
import { LocalityAtDate, PartnerLists } from './partner-shapes.js';
import type { LocalityMemoryModel } from '../../store/locality-memory-model.js';
import { atDate, localityWithPartners, partnersOf, shownAs } from './partners.js';
import { localityIdOfKey, LocalityView, noLocalityWithKey, toLocalityView, viewOfRecord } from './view.js';

/** The locality itself at the date: shown as its partners are, and which of its names it bore then. */
export const DetailAtDate = Type.Object({
  ...LocalityAtDate.properties,
  nameIndexes: Type.Array(Type.Integer({ minimum: 0 }), {
    description:
      'The names valid at the date, as positions in locality.names (every position when no date is asked)',
  }),
});
export type DetailAtDate = Static<typeof DetailAtDate>;

/**
 * One locality with its stored facts (every name, with when it was valid), itself at a date (`atDate`: the name
 * it bore then and which of its names were valid), and its partners then, each shown by the name it bore then.
 */
export const LocalityDetail = Type.Object(
  { locality: Shared(LocalityView), atDate: DetailAtDate, ...PartnerLists.properties },
  {
    title: 'LocalityDetail',
    description:
      "A partner is shown by its key, kind, country, region and the name it bore at the date; its other names are in the partner's own detail.",
  },
);
export type LocalityDetail = Static<typeof LocalityDetail>;

/** The locality at `asOf` with the positions of the names valid then (all of them when `asOf` is absent). */
function detailAtDate(record: LocalityRecord, asOf: PartialDate | undefined): DetailAtDate {
  const nameIndexes: number[] = [];
  record.names.forEach((n, i) => {
    if (asOf === undefined || isNameValidAt(n, asOf)) nameIndexes.push(i);
  });
  return { ...atDate(record, asOf), nameIndexes };
}

/** A locality by key with its partners at `asOf` (today when absent); LocalityNotFound for an unknown key. */
export async function localityDetail(
  db: Kysely<DB>,
  key: string,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<LocalityDetail> {
  const id = await localityIdOfKey(db, key);
  const { record, partners } = await localityWithPartners(db, id, asOf, today);
  return { locality: await viewOfRecord(db, record), atDate: detailAtDate(record, asOf), ...partners };
}

/**
 * The same detail as `localityDetail`, answered from a copy in memory of what it reads (the API's cold reads);
 * the copy must be current, which its owner sees to.
 */
export function localityDetailFromCopy(
  copy: LocalityMemoryModel,
  key: string,
  asOf: PartialDate | undefined,
  today: PartialDate,
): LocalityDetail {
  const id = copy.idOfKey(key);
  const self = id === undefined ? undefined : copy.locality(id);
  if (!self) throw noLocalityWithKey(key);
  const partnerAt = (partnerId: number) => shownAs(copy.briefAt(partnerId, asOf)!);
  const facts = {
    selfId: self.id,
    links: copy.linkFactsOf(self.id),
    partnerAt,
    stating: copy.retrievedByLink,
  };
  const partners = partnersOf(facts, asOf, today);
  const parent = self.parentId === null ? undefined : copy.locality(self.parentId);
  return {
    locality: toLocalityView(self, copy.citationsOf(self.id), parent),
    atDate: detailAtDate(self, asOf),
    ...partners,
  };
}
