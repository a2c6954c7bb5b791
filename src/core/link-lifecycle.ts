import type { Citation } from './source.js';
import {
  comparePartialDates,
  earliestDay,
  formatPartialDate,
  isOnOrBefore,
  latestDay,
  type PartialDate,
} from './partial-date.js';

/** What can happen to a link, in the order it usually happens. */
export const EVENT_TYPES = [
  'explored',
  'proposed',
  'first_contact',
  'adopted',
  'agreement_signed',
  'formalised',
  'renewed',
  'paused',
  'suspended',
  'broken_unilaterally',
  'resumed',
  'terminated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The state of a link at a date. `unknown` when undated events leave it open. */
export const LINK_STATUSES = [
  'not_formed',
  'active',
  'paused',
  'suspended',
  'broken_unilaterally',
  'ended',
  'unknown',
] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Who acted: one side of the link, both, or someone else (a government, a third city). */
export type ActorSide = 'a' | 'b' | 'both' | 'third_party';

/** One dated step in a link's life. */
export interface LifecycleEvent {
  id?: number;
  type: EventType;
  date?: PartialDate;
  actor?: ActorSide;
  /** The third party or acting body, when named ("Turkish government"). */
  actorName?: string;
  cause?: string;
  notes?: string;
  unverified?: boolean;
  citations: Citation[];
}

/** An event that does not fit the state the link was in. */
export interface Contradiction {
  event: LifecycleEvent;
  message: string;
}

/** A link's status at a date, the event that set it, and anything in its history that does not add up. */
export interface StatusReport {
  status: LinkStatus;
  since?: PartialDate;
  /** The event that put the link into this status. */
  cause?: LifecycleEvent;
  contradictions: Contradiction[];
}

/** The events that form a link (make it active from not formed or ended). */
export const FORMING_EVENTS = [
  'adopted',
  'agreement_signed',
  'formalised',
] as const satisfies readonly EventType[];
export type FormingEvent = (typeof FORMING_EVENTS)[number];

/** The events that end a link's active spell: an interruption (pause, suspension, break) or its termination. */
export const ENDING_EVENTS = [
  'paused',
  'suspended',
  'broken_unilaterally',
  'terminated',
] as const satisfies readonly EventType[];
export type EndingEvent = (typeof ENDING_EVENTS)[number];

const FORMING: ReadonlySet<string> = new Set(FORMING_EVENTS);
const ENDING: ReadonlySet<string> = new Set(ENDING_EVENTS);

/** True for an event that forms a link (adopted, agreement signed, formalised); takes a stored type's text too. */
export function isFormingEvent(type: string): type is FormingEvent {
  return FORMING.has(type);
}

/** True for an event that ends a link's active spell (paused, suspended, broken unilaterally, terminated). */
export function isEndingEvent(type: string): type is EndingEvent {
  return ENDING.has(type);
}
const INTERRUPTED: ReadonlySet<LinkStatus> = new Set(['paused', 'suspended', 'broken_unilaterally']);

/** The order of events on the same day, and of undated events among themselves. */
function rank(type: EventType): number {
  return EVENT_TYPES.indexOf(type);
}

/** Sorts events by date, then by their natural order; undated events are left out. */
export function chronological(events: readonly LifecycleEvent[]): LifecycleEvent[] {
  return events
    .filter((e) => e.date !== undefined)
    .sort((x, y) => comparePartialDates(x.date!, y.date!) || rank(x.type) - rank(y.type));
}

/** Applies one event to a status; returns the new status, or a contradiction message. */
function step(status: LinkStatus, type: EventType): LinkStatus | { contradiction: string } {
  switch (type) {
    case 'explored':
    case 'proposed':
    case 'first_contact':
      return status === 'not_formed' || status === 'ended'
        ? status
        : status === 'active'
          ? status
          : { contradiction: `${type} while the link is ${status}` };
    case 'adopted':
    case 'agreement_signed':
    case 'formalised':
      return status === 'not_formed' || status === 'active' || status === 'ended'
        ? 'active'
        : { contradiction: `${type} while the link is ${status}; a resumption was expected first` };
    case 'renewed':
      return status === 'active' ? 'active' : { contradiction: `renewed while the link is ${status}` };
    case 'paused':
    case 'suspended':
    case 'broken_unilaterally': {
      const next: LinkStatus =
        type === 'paused' ? 'paused' : type === 'suspended' ? 'suspended' : 'broken_unilaterally';
      if (status === 'active' || INTERRUPTED.has(status)) return next;
      return { contradiction: `${type} while the link is ${status}` };
    }
    case 'resumed':
      return INTERRUPTED.has(status) ? 'active' : { contradiction: `resumed while the link is ${status}` };
    case 'terminated':
      return status === 'not_formed' || status === 'ended'
        ? { contradiction: `terminated while the link is ${status}` }
        : 'ended';
  }
}

function fold(events: readonly LifecycleEvent[]): StatusReport {
  let report: StatusReport = { status: 'not_formed', contradictions: [] };
  for (const event of events) {
    const next = step(report.status, event.type);
    if (typeof next === 'object') {
      const when = event.date ? ` (${formatPartialDate(event.date)})` : ' (undated)';
      report.contradictions.push({ event, message: `${next.contradiction}${when}` });
      continue;
    }
    if (next !== report.status || (isFormingEvent(event.type) && report.cause === undefined)) {
      report = { status: next, contradictions: report.contradictions, since: event.date, cause: event };
    }
  }
  return report;
}

/** A link's events apart: the dated ones in chronological order, the undated ones by type (each order stable). */
function apart(events: readonly LifecycleEvent[]): {
  chronology: LifecycleEvent[];
  undated: LifecycleEvent[];
} {
  const chronology: LifecycleEvent[] = [];
  const undated: LifecycleEvent[] = [];
  for (const event of events) (event.date === undefined ? undated : chronology).push(event);
  if (chronology.length > 1)
    chronology.sort((x, y) => comparePartialDates(x.date!, y.date!) || rank(x.type) - rank(y.type));
  if (undated.length > 1) undated.sort((x, y) => rank(x.type) - rank(y.type));
  return { chronology, undated };
}

/** Places undated events (by type) among dated ones (in order): forming steps first, ending steps last. */
function among(
  chronology: readonly LifecycleEvent[],
  undated: readonly LifecycleEvent[],
): readonly LifecycleEvent[] {
  if (undated.length === 0) return chronology;
  const last = rank('formalised');
  return [
    ...undated.filter((e) => rank(e.type) <= last),
    ...chronology,
    ...undated.filter((e) => rank(e.type) > last),
  ];
}

/** Places undated events among dated ones: forming steps first, ending steps last, others by type. */
function withUndated(events: readonly LifecycleEvent[]): readonly LifecycleEvent[] {
  const { chronology, undated } = apart(events);
  return among(chronology, undated);
}

/**
 * Derives a link's status at a date from its events, whatever order they were given in.
 * Events dated within the period asked count as having happened by it. Undated events are known to
 * have happened by `today`; an undated forming event is also known to precede any dated pause, suspension,
 * break or termination. When an earlier `asOf` would depend on an undated event the status is `unknown`.
 * Events that do not fit are reported, never silently dropped.
 */
export function statusAt(
  events: readonly LifecycleEvent[],
  asOf: PartialDate | undefined,
  today: PartialDate,
): StatusReport {
  const { chronology, undated } = apart(events);
  const whole = fold(among(chronology, undated));
  const dated = chronology.filter((e) => isOnOrBefore(e.date!, asOf ?? today));
  const isPresent = asOf === undefined || latestDay(asOf) >= earliestDay(today);
  if (undated.length === 0 || isPresent) {
    // With every dated event counted, the fold asked for is the whole history's: the same events, the same order.
    if (dated.length === chronology.length) return whole;
    return { ...fold(among(dated, undated)), contradictions: whole.contradictions };
  }
  const impliesFormed = dated.some((e) => rank(e.type) > rank('formalised'));
  const implied = impliesFormed ? undated.filter((e) => isFormingEvent(e.type)) : [];
  const certain = fold(among(dated, implied));
  const possible = fold(among(dated, undated));
  if (certain.status === possible.status) return { ...certain, contradictions: whole.contradictions };
  return { status: 'unknown', contradictions: whole.contradictions };
}

/** Every contradiction in a link's history, whatever the date asked. */
export function contradictions(events: readonly LifecycleEvent[]): Contradiction[] {
  return fold(withUndated(events)).contradictions;
}

/** True when the link was ever formed (adopted, signed or formalised) by the date. */
export function hasBegun(report: StatusReport): boolean {
  return report.status !== 'not_formed';
}
