import { earliestDay, parsePartialDate, type PartialDate } from '../../core/partial-date.js';
import type { StatingSource } from '../../store/link-statement.repository.js';

/**
 * The date by which a link's undated events are known to have happened: the earliest retrieval of a
 * source that lists it (a list is evidence that the link stood when it was read), else today.
 * Passed to statusAt as its `today`, so a link Wikidata listed in 2016 reads as in force from 2016 on,
 * and one only 2026's lists name is undated before then.
 */
export function knownBy(
  stating: readonly Pick<StatingSource, 'retrieved'>[],
  today: PartialDate,
): PartialDate {
  let best = today;
  for (const s of stating) {
    if (s.retrieved === null) continue;
    const date = parsePartialDate(s.retrieved, 'retrieved');
    if (earliestDay(date) < earliestDay(best)) best = date;
  }
  return best;
}
