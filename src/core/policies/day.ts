import { earliestDay, formatPartialDate, latestDay, type PartialDate } from '../partial-date.js';

/** Whether a dated thing had happened by a day: surely, surely not, or maybe (the date is coarser). */
export type Reached = 'yes' | 'no' | 'maybe';

/** Whether `date` had been reached by day `day` (yyyymmdd); an absent date counts as always reached. */
export function reached(date: PartialDate | undefined, day: number): Reached {
  if (date === undefined) return 'yes';
  if (latestDay(date) <= day) return 'yes';
  if (earliestDay(date) > day) return 'no';
  return 'maybe';
}

/** The day a date names (its last day for a year or a month, as `--as-of 2022` counts all of 2022). */
export function dayOf(date: PartialDate): number {
  return latestDay(date);
}

/** The day number `days` after a day number, on the proleptic Gregorian calendar. */
export function addDays(day: number, days: number): number {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
}

/** A day number as a full date. */
export function dateOfDay(day: number): PartialDate {
  return { year: Math.floor(day / 10000), month: Math.floor(day / 100) % 100, day: day % 100 };
}

/** A day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return formatPartialDate(dateOfDay(day));
}
