import type { PartialDate } from '../../core/partial-date.js';

const TIME = /^([+-]?\d{1,16})-(\d{2})-(\d{2})/;

/** Wikidata time precisions: 9 year, 10 month, 11 day. */
export type WikidataPrecision = number;

/**
 * A partial date from a Wikidata time ("+1956-04-09T00:00:00Z", "0836-01-01T00:00:00Z").
 * With a precision it is exact; without one (SPARQL's plain values), 1 January means a year and the
 * first of a month means a month, the way Wikidata stores dates it knows only to the year or month.
 * Returns undefined for text that is not a time or a precision coarser than a year.
 */
export function wikidataDate(text: string, precision?: WikidataPrecision): PartialDate | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!Number.isSafeInteger(year) || year === 0 || Math.abs(year) > 9999) return undefined;
  if (precision !== undefined) {
    if (precision < 9) return undefined;
    if (precision === 9 || month === 0) return { year };
    if (precision === 10 || day === 0) return { year, month };
    return { year, month, day };
  }
  if (month === 0 || (month === 1 && day === 1)) return { year };
  if (day === 0 || day === 1) return { year, month };
  return { year, month, day };
}
