import { describe, expect, it } from 'vitest';
import { TwinningError } from '../../src/core/errors.js';
import {
  comparePartialDates,
  earliestDay,
  formatPartialDate,
  isOnOrBefore,
  latestDay,
  parsePartialDate,
} from '../../src/core/partial-date.js';

describe('partial dates', () => {
  it('parses a year, a month and a day, including years before 1000', () => {
    expect(parsePartialDate('836')).toEqual({ year: 836 });
    expect(parsePartialDate('1956-04')).toEqual({ year: 1956, month: 4 });
    expect(parsePartialDate('1956-04-09')).toEqual({ year: 1956, month: 4, day: 9 });
    expect(formatPartialDate({ year: 836 })).toBe('0836');
    expect(formatPartialDate(parsePartialDate('2022-3-22'))).toBe('2022-03-22');
  });

  it.each([
    ['2022-13-40', /month 13/],
    ['2022-02-30', /day 30; that month has days 1 to 28/],
    ['2024-02-30', /1 to 29/],
    ['spring 1945', /not a date/],
    ['', /not a date/],
  ])('rejects %s with a message naming the problem', (text, message) => {
    expect(() => parsePartialDate(text, '--as-of')).toThrowError(message);
    try {
      parsePartialDate(text, '--as-of');
    } catch (error) {
      expect(error).toBeInstanceOf(TwinningError);
      expect((error as TwinningError).code).toBe('InvalidDate');
      expect((error as TwinningError).location.field).toBe('--as-of');
    }
  });

  it('spans a year or a month from its first to its last day', () => {
    expect(earliestDay({ year: 1961 })).toBe(19610101);
    expect(latestDay({ year: 1961 })).toBe(19611231);
    expect(latestDay({ year: 2024, month: 2 })).toBe(20240229);
    expect(latestDay({ year: 1900, month: 2 })).toBe(19000228);
  });

  it('orders dates of mixed precision, the vaguer first when they start together', () => {
    const dates = ['2022-03-22', '2022', '836', '2022-03', '1944'].map((d) => parsePartialDate(d));
    expect(dates.sort(comparePartialDates).map(formatPartialDate)).toEqual([
      '0836',
      '1944',
      '2022',
      '2022-03',
      '2022-03-22',
    ]);
  });

  it('counts a date as reached when it may have begun by the end of the period asked', () => {
    expect(isOnOrBefore({ year: 1950 }, { year: 1950 })).toBe(true);
    expect(isOnOrBefore({ year: 1950, month: 12, day: 31 }, { year: 1950 })).toBe(true);
    expect(isOnOrBefore({ year: 1951 }, { year: 1950, month: 12 })).toBe(false);
  });
});
