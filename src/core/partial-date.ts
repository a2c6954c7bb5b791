import { TwinningError } from './errors.js';

/** A date known to a year, a month or a day. Years before 1000 (Paderborn and Le Mans, 836) are fine. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const PATTERN = /^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Proleptic Gregorian calendar, as ISO 8601 uses.
  return new Date(Date.UTC(2000 + (((year % 400) + 400) % 400), month, 0)).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years of one to four digits); throws InvalidDate naming the field. */
export function parsePartialDate(text: string, field = 'date'): PartialDate {
  const match = PATTERN.exec(text.trim());
  if (!match) {
    throw new TwinningError('InvalidDate', `"${text}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`, {
      field,
    });
  }
  const year = Number(match[1]);
  const date: PartialDate = { year };
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) {
      throw new TwinningError('InvalidDate', `"${text}" has month ${month}; months run from 1 to 12`, {
        field,
      });
    }
    date.month = month;
    if (match[3] !== undefined) {
      const day = Number(match[3]);
      const last = daysInMonth(year, month);
      if (day < 1 || day > last) {
        throw new TwinningError('InvalidDate', `"${text}" has day ${day}; that month has days 1 to ${last}`, {
          field,
        });
      }
      date.day = day;
    }
  }
  return date;
}

/** Formats as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, years zero-padded to four digits. */
export function formatPartialDate(date: PartialDate): string {
  const year = date.year < 0 ? `-${String(-date.year).padStart(4, '0')}` : String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  const month = String(date.month).padStart(2, '0');
  if (date.day === undefined) return `${year}-${month}`;
  return `${year}-${month}-${String(date.day).padStart(2, '0')}`;
}

/** The first day the date may mean, as a sortable number yyyymmdd. */
export function earliestDay(date: PartialDate): number {
  return date.year * 10000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}

/** The last day the date may mean, as a sortable number yyyymmdd. */
export function latestDay(date: PartialDate): number {
  const month = date.month ?? 12;
  const day = date.day ?? daysInMonth(date.year, month);
  return date.year * 10000 + month * 100 + day;
}

/** Orders by earliest day, the less precise date first when both start on the same day. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return earliestDay(a) - earliestDay(b) || precision(a) - precision(b);
}

/** 1 for a year, 2 for a month, 3 for a day. */
export function precision(date: PartialDate): 1 | 2 | 3 {
  return date.day !== undefined ? 3 : date.month !== undefined ? 2 : 1;
}

/** True when something dated `date` had certainly or possibly begun by the end of `asOf`. */
export function isOnOrBefore(date: PartialDate, asOf: PartialDate): boolean {
  return earliestDay(date) <= latestDay(asOf);
}

/** Today's date from a clock value, for callers at the edge (the core never reads the clock). */
export function partialDateFromJsDate(value: Date): PartialDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}
