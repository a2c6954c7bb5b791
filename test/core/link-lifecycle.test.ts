import { describe, expect, it } from 'vitest';
import {
  contradictions,
  ENDING_EVENTS,
  EVENT_TYPES,
  FORMING_EVENTS,
  isEndingEvent,
  isFormingEvent,
  statusAt,
  type EventType,
  type LifecycleEvent,
} from '../../src/core/link-lifecycle.js';
import { parsePartialDate } from '../../src/core/partial-date.js';

const TODAY = parsePartialDate('2026-11-28');
const ev = (type: EventType, date?: string, extra: Partial<LifecycleEvent> = {}): LifecycleEvent => ({
  type,
  date: date === undefined ? undefined : parsePartialDate(date),
  citations: [],
  ...extra,
});
const at = (events: LifecycleEvent[], date?: string) =>
  statusAt(events, date === undefined ? undefined : parsePartialDate(date), TODAY);

describe('link status at a date', () => {
  const coventryVolgograd = [
    ev('paused', '2022-03-22', { cause: 'invasion' }),
    ev('first_contact', '1942'),
    ev('formalised', '1944'),
  ];

  it('is derived from events given in any order', () => {
    expect(at(coventryVolgograd, '1941').status).toBe('not_formed');
    expect(at(coventryVolgograd, '1943').status).toBe('not_formed');
    expect(at(coventryVolgograd, '1950')).toMatchObject({ status: 'active', since: { year: 1944 } });
    const now = at(coventryVolgograd);
    expect(now).toMatchObject({ status: 'paused', since: { year: 2022, month: 3, day: 22 } });
    expect(now.cause?.cause).toBe('invasion');
    expect(now.contradictions).toEqual([]);
  });

  it('follows a link through a unilateral break to its formal end', () => {
    const events = [
      ev('terminated', '2021'),
      ev('broken_unilaterally', '2017-03'),
      ev('agreement_signed', '2006'),
    ];
    expect(at(events, '2010').status).toBe('active');
    expect(at(events, '2018').status).toBe('broken_unilaterally');
    expect(at(events, '2021')).toMatchObject({ status: 'ended', since: { year: 2021 } });
  });

  it('resumes after a suspension and can be re-formed after it ended', () => {
    const events = [
      ev('agreement_signed', '1990'),
      ev('suspended', '2013'),
      ev('resumed', '2015'),
      ev('terminated', '2020'),
      ev('agreement_signed', '2024'),
    ];
    expect(['2014', '2016', '2021', '2025'].map((d) => at(events, d).status)).toEqual([
      'suspended',
      'active',
      'ended',
      'active',
    ]);
  });

  it('keeps an adoption as the start of a link later formalised', () => {
    const events = [ev('formalised', '1986'), ev('adopted', '1920')];
    expect(at(events, '1950')).toMatchObject({ status: 'active', since: { year: 1920 } });
    expect(at(events)).toMatchObject({ status: 'active', since: { year: 1920 } });
  });

  it('leaves explored and proposed links not formed', () => {
    expect(at([ev('explored', '2022-03-22')]).status).toBe('not_formed');
    expect(at([ev('proposed', '2003')]).status).toBe('not_formed');
    expect(at([]).status).toBe('not_formed');
  });

  it('counts undated events as done by today, and says unknown for an earlier date they would decide', () => {
    const undatedFormation = [ev('agreement_signed')];
    expect(at(undatedFormation).status).toBe('active');
    expect(at(undatedFormation, '2000').status).toBe('unknown');
    const endedLater = [ev('agreement_signed'), ev('terminated', '2016')];
    expect(at(endedLater).status).toBe('ended');
    expect(at(endedLater, '2017').status).toBe('ended');
    expect(at(endedLater, '2010').status).toBe('unknown');
  });

  it('reports contradictions instead of guessing', () => {
    const events = [
      ev('agreement_signed', '2000'),
      ev('resumed', '2005'),
      ev('terminated', '2010'),
      ev('paused', '2012'),
    ];
    const report = at(events);
    expect(report.status).toBe('ended');
    expect(report.contradictions.map((c) => c.message)).toEqual([
      'resumed while the link is active (2005)',
      'paused while the link is ended (2012)',
    ]);
    expect(contradictions([ev('terminated', '1990')])[0]?.message).toBe(
      'terminated while the link is not_formed (1990)',
    );
  });

  it('orders same-day events by their natural sequence', () => {
    const sameDay = [ev('terminated', '2020-01-01'), ev('agreement_signed', '2020-01-01')];
    expect(at(sameDay).status).toBe('ended');
    expect(at(sameDay).contradictions).toEqual([]);
  });
});

describe('forming and ending events', () => {
  it('are exactly the events that make a link active, and those that stop an active one', () => {
    const forms = EVENT_TYPES.filter((type) => at([ev(type, '2000')]).status === 'active');
    const ends = EVENT_TYPES.filter(
      (type) =>
        type !== 'formalised' &&
        !['active', 'not_formed'].includes(at([ev('formalised', '1990'), ev(type, '2000')]).status),
    );
    expect(forms).toEqual([...FORMING_EVENTS]);
    expect(ends).toEqual([...ENDING_EVENTS]);
  });

  it("are recognised from a stored type's text", () => {
    expect(EVENT_TYPES.filter(isFormingEvent)).toEqual([...FORMING_EVENTS]);
    expect(EVENT_TYPES.filter(isEndingEvent)).toEqual([...ENDING_EVENTS]);
    expect(isFormingEvent('signed')).toBe(false);
    expect(isEndingEvent('')).toBe(false);
  });
});
