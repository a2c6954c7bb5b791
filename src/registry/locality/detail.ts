import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import { Shared } from '../../core/shapes.js';
import type { DB } from '../../store/schema.js';
import { LocalityPartners, LocalitySummary } from './partner-shapes.js';
import { localityWithPartners } from './partners.js';
import { localityIdOfKey, LocalityView, viewOfRecord } from './view.js';

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
