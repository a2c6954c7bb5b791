import { earliestDay, formatPartialDate, latestDay, type PartialDate } from '../partial-date.js';
import { addDays, dayOf, formatDay, reached } from './day.js';
import type { Clause, Rule, RuleDate } from './rule.js';
import type { LinkFacts, LinkSubject, Party } from './subject.js';
import type { TraceStep, Verdict } from './verdict.js';

/** What one clause says of a link. */
export interface ClauseOutcome {
  clause: Clause;
  verdict: Verdict;
  inForce: boolean;
  deadline?: string;
  uncertain: boolean;
  trace: TraceStep[];
}

/** What a clause needs to judge a link that counts partners: the bound side's other links. */
export interface ClauseInput {
  rule: Rule;
  subject: LinkSubject;
  facts: LinkFacts;
  bound: Party;
  partner: Party;
  day: number;
  today: PartialDate;
  /** Other links of a locality with their facts at the date. */
  others?: readonly { subject: LinkSubject; facts: LinkFacts }[];
}

const shaky = (d: RuleDate | undefined): boolean =>
  d !== undefined && (d.certainty !== 'certain' || d.alternatives.length > 0);

function dateText(d: RuleDate): string {
  const alt = d.alternatives.length
    ? ` (the sources also give ${d.alternatives.map(formatPartialDate).join(', ')})`
    : '';
  const how = d.certainty === 'certain' ? '' : ` [${d.certainty}${d.note ? `: ${d.note}` : ''}]`;
  return `${formatPartialDate(d.date)}${alt}${how}`;
}

/** When the clause starts: surely by the day, surely not, or maybe (coarse or disputed date). */
function started(from: RuleDate | undefined, day: number): 'yes' | 'no' | 'maybe' {
  if (from === undefined) return 'yes';
  const all = [from.date, ...from.alternatives].map((d) => reached(d, day));
  if (all.every((r) => r === 'yes')) return 'yes';
  if (all.every((r) => r === 'no')) return 'no';
  return 'maybe';
}

/** True when the clause is surely in force at day `day` (a bill's undated clause is not). */
export function clauseInForce(rule: Rule, clause: Clause, day: number): boolean {
  if (rule.status === 'bill' && clause.from === undefined) return false;
  if (clause.to && reached(clause.to.date, day) === 'yes') return false;
  return started(clause.from, day) === 'yes';
}

/** Whether the link was formed before the clause's cut-off, on or after it, or it cannot be told. */
function formedRelation(facts: LinkFacts, cut: RuleDate | undefined): 'before' | 'after' | 'unknown' {
  if (cut === undefined) return 'after';
  if (facts.formed === undefined || facts.formed === null) return 'unknown';
  const x = earliestDay(cut.date);
  if (latestDay(facts.formed.date) < x) return 'before';
  if (earliestDay(facts.formed.date) >= x) return 'after';
  return 'unknown';
}

function deadlineOf(clause: Clause): number | undefined {
  if (clause.deadline) return dayOf(clause.deadline.date);
  if (clause.deadlineDaysAfterFrom !== undefined && clause.from)
    return addDays(earliestDay(clause.from.date), clause.deadlineDaysAfterFrom);
  return undefined;
}

/** Which links an effect reaches unless the clause says: only new ones (false), only existing ones (true), all. */
const DEFAULT_SCOPE: Readonly<Record<Clause['effect'], boolean | undefined>> = {
  prohibits_forming: false,
  prohibits_maintaining: undefined,
  must_end_by: true,
  must_notify: false,
  needs_approval: false,
  exclusive: undefined,
  one_per_country: undefined,
};

/** The verdict of an effect on a link formed before (`existing`) or on/after (`new`) the cut-off. */
function byEffect(
  input: ClauseInput,
  clause: Clause,
  when: 'before' | 'after',
): { verdict: Verdict; text: string; deadline?: string } {
  const contested = input.rule.interpretations.find(
    (i) => i.clause === clause.id && i.reach === 'existing_links',
  );
  const scope = clause.existing ?? DEFAULT_SCOPE[clause.effect];
  const reachesExisting = scope !== false;
  const reachesNew = scope !== true;
  if (when === 'before' && !reachesExisting) {
    if (contested)
      return { verdict: 'contested', text: `formed before the clause took effect: ${contested.question}` };
    return {
      verdict: 'allowed',
      text: 'formed before the clause took effect, which reaches only links formed since',
    };
  }
  if (when === 'after' && !reachesNew)
    return { verdict: 'allowed', text: 'formed after the cut-off; the clause reaches only older links' };
  switch (clause.effect) {
    case 'prohibits_forming':
      return {
        verdict: 'prohibited',
        text: 'formed while the clause was in force: forming it is prohibited',
      };
    case 'prohibits_maintaining':
      return {
        verdict: 'prohibited',
        text: 'in force while the clause was in force: keeping it is prohibited',
      };
    case 'must_end_by': {
      const d = deadlineOf(clause);
      if (d === undefined)
        return { verdict: 'must_end_by', text: 'must be ended; the sources give no deadline' };
      if (input.day <= d)
        return { verdict: 'must_end_by', deadline: formatDay(d), text: `must be ended by ${formatDay(d)}` };
      return {
        verdict: 'past_deadline',
        deadline: formatDay(d),
        text: `still in force after the deadline of ${formatDay(d)}`,
      };
    }
    case 'must_notify': {
      const d = deadlineOf(clause);
      return {
        verdict: 'must_notify',
        deadline: d === undefined ? undefined : formatDay(d),
        text: clause.text,
      };
    }
    case 'needs_approval':
      return { verdict: 'needs_approval', text: clause.text };
    case 'exclusive':
      return {
        verdict: 'prohibited',
        text: `${input.bound.name} is twinned exclusively; it may take no other partner of this kind`,
      };
    case 'one_per_country':
      return onePerCountry(input);
  }
}

function onePerCountry(input: ClauseInput): { verdict: Verdict; text: string } {
  const country = input.partner.country;
  if (country === undefined)
    return { verdict: 'undetermined', text: `the partner's country is not recorded` };
  const own = input.facts.formed ? earliestDay(input.facts.formed.date) : undefined;
  let unknownOrder = false;
  for (const other of input.others ?? []) {
    if (other.subject.id !== undefined && other.subject.id === input.subject.id) continue;
    const otherPartner = other.subject.a.key === input.bound.key ? other.subject.b : other.subject.a;
    if (otherPartner.key === input.partner.key || otherPartner.country !== country || !other.facts.live)
      continue;
    const theirs = other.facts.formed ? earliestDay(other.facts.formed.date) : undefined;
    const text = `${input.bound.name} already has ${otherPartner.name} in ${country}`;
    if (input.subject.proposed || (own !== undefined && theirs !== undefined && theirs < own))
      return { verdict: 'prohibited', text: `${text}, formed earlier` };
    if (own === undefined || theirs === undefined) unknownOrder = true;
  }
  if (unknownOrder)
    return {
      verdict: 'undetermined',
      text: `${input.bound.name} has another partner in ${country}; which came first is not recorded`,
    };
  return { verdict: 'allowed', text: `${input.bound.name}'s first (or only) partner in ${country}` };
}

/** What one clause says of a link at the input's day, with the steps that led there. */
export function clauseOutcome(input: ClauseInput, clause: Clause): ClauseOutcome {
  const cite = clause.cite;
  const head = `${clause.id}: ${clause.text}${clause.locator ? ` (${clause.locator})` : ''}`;
  if (input.rule.status === 'bill' && clause.from === undefined) {
    return {
      clause,
      verdict: 'allowed',
      inForce: false,
      uncertain: false,
      trace: [
        {
          kind: 'clause',
          text: `${head}: a bill, not enacted (a what-if can take it as enacted on a date)`,
          cite,
        },
      ],
    };
  }
  const begun = started(clause.from, input.day);
  let uncertain = shaky(clause.from);
  if (begun === 'no') {
    return {
      clause,
      verdict: 'allowed',
      inForce: false,
      uncertain,
      trace: [{ kind: 'clause', text: `${head}: not in force until ${dateText(clause.from!)}`, cite }],
    };
  }
  if (clause.to && reached(clause.to.date, input.day) === 'yes') {
    return {
      clause,
      verdict: 'allowed',
      inForce: false,
      uncertain: shaky(clause.to),
      trace: [{ kind: 'clause', text: `${head}: no longer in force since ${dateText(clause.to)}`, cite }],
    };
  }
  const since = clause.from
    ? `in force since ${dateText(clause.from)}`
    : 'in force (the sources give no start date)';
  if (clause.from === undefined) uncertain = true;
  const trace: TraceStep[] = [{ kind: 'clause', text: `${head}; ${since}`, cite }];
  const relation = formedRelation(input.facts, clause.formedBefore ?? clause.from);
  let result: { verdict: Verdict; text: string; deadline?: string };
  if (relation !== 'unknown') result = byEffect(input, clause, relation);
  else {
    const before = byEffect(input, clause, 'before');
    const after = byEffect(input, clause, 'after');
    const cut = formatPartialDate((clause.formedBefore ?? clause.from)!.date);
    if (before.verdict === after.verdict)
      result = { ...before, text: `formed on an unknown date; either way: ${before.text}` };
    else if (before.verdict !== 'allowed' && after.verdict !== 'allowed')
      result = {
        ...before,
        text: `formed on an unknown date: if before ${cut}, ${before.text}; if since, ${after.text}`,
      };
    else {
      result = {
        verdict: 'undetermined',
        text: `formed on an unknown date: if before ${cut}, ${before.text}; if since, ${after.text}`,
      };
    }
  }
  if (begun === 'maybe') {
    result = {
      verdict: result.verdict === 'allowed' ? 'allowed' : 'undetermined',
      text: `${result.text}; but the start date is too coarse or disputed to tell at this date`,
    };
    uncertain = true;
  }
  trace.push({ kind: 'clause', text: result.text, cite });
  return {
    clause,
    verdict: result.verdict,
    inForce: begun === 'yes',
    deadline: result.deadline,
    uncertain,
    trace,
  };
}
