import { formatPartialDate } from '../partial-date.js';
import { dayOf, reached } from './day.js';
import type { CountryList, ListEntry, ListReference } from './rule.js';

/** What a list says of one country at a date, and what it rests on. */
export interface ListAnswer {
  list: CountryList;
  /** yes: listed; no: not listed (and the list is complete or open); unknown: the list is partial or the dates are coarse. */
  listed: 'yes' | 'no' | 'unknown';
  entry?: ListEntry;
  /** The date at which the list was read: the evaluation date, or the date a frozen reference fixes. */
  readAt: number;
  frozen: boolean;
  /** The citation the rule used, when it is a former one. */
  via?: string;
  text: string;
}

const normalise = (citation: string): string =>
  citation.replace(/\s+/g, ' ').replace(/§/g, '').trim().toLowerCase();

/** Finds a list by id, citation, or a former citation (a renumbered section keeps resolving). */
export function findList(
  lists: readonly CountryList[],
  ref: string,
): { list: CountryList; via?: string } | undefined {
  const wanted = normalise(ref);
  for (const list of lists) {
    if (list.id === ref || normalise(list.citation) === wanted) return { list };
    const alias = list.aliases.find((a) => normalise(a.citation) === wanted);
    if (alias) return { list, via: alias.citation };
  }
  return undefined;
}

/** The country's entry in force at the day; `absent` when its entries surely do not cover the day. */
function entryAt(
  entries: readonly ListEntry[],
  country: string,
  day: number,
): { entry?: ListEntry; maybe: boolean; absent: boolean } {
  let absent = false;
  for (const entry of entries) {
    if (entry.country !== country) continue;
    const started = reached(entry.from, day);
    const ended = entry.to === undefined ? 'no' : reached(entry.to, day);
    if (started === 'yes' && ended === 'no') return { entry, maybe: false, absent: false };
    if (started !== 'no' && ended !== 'yes') return { entry, maybe: true, absent: false };
    absent = true;
  }
  return { maybe: false, absent };
}

/** Whether `country` is on the referenced list at day `day` (or at the date a frozen reference fixes). */
export function isListed(
  lists: readonly CountryList[],
  ref: ListReference,
  country: string | undefined,
  day: number,
): ListAnswer | undefined {
  const found = findList(lists, ref.list);
  if (!found) return undefined;
  const { list, via } = found;
  const frozen = ref.asOf !== undefined;
  const readAt = ref.asOf ? dayOf(ref.asOf) : day;
  const where = frozen ? `as it stood on ${formatPartialDate(ref.asOf!)}` : 'at the date';
  const name = `${list.citation}${via ? ` (cited as ${via})` : ''}`;
  if (country === undefined) {
    return { list, listed: 'unknown', readAt, frozen, via, text: `the partner's country is not recorded` };
  }
  const { entry, maybe, absent } = entryAt(list.entries, country, readAt);
  if (entry && !maybe) {
    return { list, listed: 'yes', entry, readAt, frozen, via, text: `${country} is on ${name} ${where}` };
  }
  if (entry && maybe) {
    const since = entry.from ? ` from ${formatPartialDate(entry.from)}` : '';
    return {
      list,
      listed: 'unknown',
      entry,
      readAt,
      frozen,
      via,
      text: `${country} is on ${name}${since}; the date is too coarse to tell ${where}`,
    };
  }
  if (list.completeness === 'partial' && !absent) {
    return {
      list,
      listed: 'unknown',
      readAt,
      frozen,
      via,
      text: `${country} is not among the members of ${name} the project could source; the list is partial (${list.completenessNote ?? 'see its sources'})`,
    };
  }
  const open =
    list.completeness === 'open'
      ? ` (${list.completenessNote ?? 'later designations are not recorded'})`
      : '';
  return { list, listed: 'no', readAt, frozen, via, text: `${country} is not on ${name} ${where}${open}` };
}
