import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import type { DB } from '../../store/schema.js';
import { localityWithPartners, type LocalityPartners } from './partners.js';
import { localityIdOfKey, viewOfRecord, type LocalityView } from './view.js';

/** One locality with its stored facts, the names it bore at a date, and its partners then. */
export interface LocalityDetail extends Omit<LocalityPartners, 'locality'> {
  locality: LocalityView;
  /** The locality as shown at the date: the name it bore then and every name valid then. */
  atDate: LocalityPartners['locality'];
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
  const { locality: atDate, ...rest } = partners;
  return { locality: await viewOfRecord(db, record), atDate, ...rest };
}
