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
  let bestDay = earliestDay(today);
  for (const s of stating) {
    if (s.retrieved === null) continue;
    const retrieved = retrievedDay(s.retrieved);
    if (retrieved.day < bestDay) ({ date: best, day: bestDay } = retrieved);
  }
  return best;
}

/** Retrieval dates read, by their text: a handful of sources state every link, so each is parsed once. */
const RETRIEVED = new Map<string, { date: PartialDate; day: number }>();

/** A retrieval date parsed, with its earliest day (kept for the next link that source states). */
function retrievedDay(text: string): { date: PartialDate; day: number } {
  let known = RETRIEVED.get(text);
  if (!known) {
    const date = parsePartialDate(text, 'retrieved');
    known = { date, day: earliestDay(date) };
    if (RETRIEVED.size >= 10_000) RETRIEVED.clear(); // a bound, should sources ever be that many
    RETRIEVED.set(text, known);
  }
  return known;
}
