import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import { Shared } from '../../core/shapes.js';
import type { DB } from '../../store/schema.js';
import { LocalityPartners, LocalitySummary } from './partner-shapes.js';
import type { LocalityMemoryModel } from '../../store/locality-memory-model.js';
import { localityWithPartners, partnersOf } from './partners.js';
import { localityIdOfKey, LocalityView, noLocalityWithKey, toLocalityView, viewOfRecord } from './view.js';

const { locality: _summary, ...atTheDate } = LocalityPartners.properties;

/** One locality with its stored facts, the names it bore at a date (`atDate`), and its partners then. */
export const LocalityDetail = Type.Object(
  { locality: Shared(LocalityView), atDate: LocalitySummary, ...atTheDate },
  { title: 'LocalityDetail' },
);
export type LocalityDetail = Static<typeof LocalityDetail>;

/** A locality by key with its partners at `asOf` (today when absent); LocalityNotFound for an unknown key. */
export async function localityDetail(
  db: Kysely<DB>,
  key: string,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<LocalityDetail> {
  const id = await localityIdOfKey(db, key);
  const { record, partners } = await localityWithPartners(db, id, asOf, today);
  const { locality: atDate, ...rest } = partners;
  return { locality: await viewOfRecord(db, record), atDate, ...rest };
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
  const facts = { self, links: copy.linksOf(self.id), localities: copy.byId, stating: copy.statingByLink };
  const { locality: atDate, ...rest } = partnersOf(facts, asOf, today);
  const parent = self.parentId === null ? undefined : copy.locality(self.parentId);
  return { locality: toLocalityView(self, copy.citationsOf(self.id), parent), atDate, ...rest };
}
