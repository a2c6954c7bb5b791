import type { RuleStatus } from './rule.js';

/** What a rule says of a link at a date. */
export const VERDICTS = [
  'allowed',
  'must_notify',
  'needs_approval',
  'undetermined',
  'contested',
  'must_end_by',
  'prohibited',
  'past_deadline',
  'cancelled',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One step of the reasoning: a fact of the link, a clause, a list, an assumption, with its citations. */
export interface TraceStep {
  kind:
    | 'fact'
    | 'binds'
    | 'predicate'
    | 'list'
    | 'clause'
    | 'decision'
    | 'interpretation'
    | 'assumption'
    | 'exception';
  text: string;
  cite: string[];
}

/** A rule's verdict on one link at one date, and why. */
export interface RuleVerdict {
  rule: string;
  title: string;
  jurisdiction: string;
  status: RuleStatus;
  citation: string;
  verdict: Verdict;
  /** Whether any clause of the rule was in force at the date. */
  inForce: boolean;
  /** For must_end_by and past_deadline: the deadline, YYYY-MM-DD, when the rule gives one. */
  deadline?: string;
  /** The clause that decided the verdict. */
  clause?: string;
  /** The exception of the rule that allows the link (its id), where one does; the trace names it and its citation. */
  exception?: string;
  /** The side the rule binds. */
  boundSide: 'a' | 'b';
  /** True when the verdict rests on an inferred, reported or coarse fact (see the trace). */
  uncertain: boolean;
  trace: TraceStep[];
}

const RANK: Readonly<Record<Verdict, number>> = {
  allowed: 0,
  must_notify: 1,
  needs_approval: 2,
  undetermined: 3,
  contested: 4,
  must_end_by: 5,
  prohibited: 6,
  past_deadline: 7,
  cancelled: 8,
};

/** The more severe of two verdicts (a link past its deadline is worse than one merely prohibited). */
export function severity(v: Verdict): number {
  return RANK[v];
}

/** True when the verdict asks something of the link's parties (anything but allowed). */
export function isTouched(v: Verdict): boolean {
  return v !== 'allowed';
}
