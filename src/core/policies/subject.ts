import { isLive } from '../exclusivity.js';
import type { LinkKind } from '../link.js';
import { chronological, statusAt, type LifecycleEvent, type LinkStatus } from '../link-lifecycle.js';
import type { LocalityKind } from '../locality.js';
import { formatPartialDate, type PartialDate } from '../partial-date.js';

/** A party to a link as the rules see it: where it is (country and ISO 3166-2 subdivision) and what it is. */
export interface Party {
  key: string;
  name: string;
  kind: LocalityKind;
  country?: string;
  /** ISO 3166-2 code of the first-level subdivision it lies in (`US-TX`), when the registry knows it. */
  subdivision?: string;
  /** Keys of the associations it belongs to at the date asked, when known. */
  associations?: string[];
}

/** A link to judge: one in the registry (with its events) or a proposed one (no events yet). */
export interface LinkSubject {
  id?: number;
  a: Party;
  b: Party;
  kind?: LinkKind;
  events: LifecycleEvent[];
  /** A link not yet formed, judged as if formed on the date asked. */
  proposed?: boolean;
}

/** The facts of a link at a date that rules turn on. */
export interface LinkFacts {
  status: LinkStatus | 'proposed';
  /** True while the link binds its parties (formed, not ended), or is proposed. */
  live: boolean;
  /** The day it was formed (yyyymmdd range), undefined when undated, null when never formed. */
  formed: { date: PartialDate; text: string } | undefined | null;
  ended?: { date?: PartialDate; text: string };
}

const FORMING = new Set(['adopted', 'agreement_signed', 'formalised']);

/** Works out a link's status, formation and ending at `asOf`, `today` deciding what undated events mean. */
export function factsOf(subject: LinkSubject, asOf: PartialDate, today: PartialDate): LinkFacts {
  if (subject.proposed) {
    return {
      status: 'proposed',
      live: true,
      formed: { date: asOf, text: `proposed, judged as formed on ${formatPartialDate(asOf)}` },
    };
  }
  const report = statusAt(subject.events, asOf, today);
  const dated = chronological(subject.events).find((e) => FORMING.has(e.type));
  const anyForming = subject.events.some((e) => FORMING.has(e.type));
  const formed = dated?.date
    ? { date: dated.date, text: `formed ${formatPartialDate(dated.date)} (${dated.type.replace('_', ' ')})` }
    : anyForming || report.status !== 'not_formed'
      ? undefined
      : null;
  const live = isLive(report.status);
  const ended =
    report.status === 'ended' || report.status === 'not_formed'
      ? report.status === 'ended'
        ? {
            date: report.since,
            text: `ended${report.since ? ` ${formatPartialDate(report.since)}` : ''}${report.cause?.actorName ? ` by ${report.cause.actorName}` : ''}`,
          }
        : undefined
      : undefined;
  return { status: report.status, live, formed, ended };
}
