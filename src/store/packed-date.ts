import type { PartialDate } from '../core/partial-date.js';

/** No date: what `packDate` gives for undefined. */
export const NO_DATE = 0;

/**
 * A partial date as one positive integer, to keep in a typed array: (year + 10000) · 512 + month · 32 + day,
 * with 0 for a month or day that is absent (years run from -9999 to 9999, so no date packs to 0).
 */
export function packDate(date: PartialDate | undefined): number {
  if (date === undefined) return NO_DATE;
  return (date.year + 10_000) * 512 + (date.month ?? 0) * 32 + (date.day ?? 0);
}

/** The date `packDate` packed, with the same fields present (undefined for NO_DATE). */
export function unpackDate(packed: number): PartialDate | undefined {
  if (packed === NO_DATE) return undefined;
  const date: PartialDate = { year: Math.floor(packed / 512) - 10_000 };
  const month = (packed >> 5) & 15;
  if (month === 0) return date;
  date.month = month;
  const day = packed & 31;
  if (day !== 0) date.day = day;
  return date;
}
