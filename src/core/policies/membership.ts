import { earliestDay, formatPartialDate, type PartialDate } from '../partial-date.js';
import { clauseInForce } from './clauses.js';
import { dayOf, reached } from './day.js';
import type { Rule } from './rule.js';
import type { Party } from './subject.js';
import type { RuleVerdict, TraceStep } from './verdict.js';

/** A locality's membership of an association, with its dates. */
export interface MembershipSubject {
  association: string;
  member: Party;
  from?: PartialDate;
  to?: PartialDate;
}

function holds(m: MembershipSubject, day: number): 'yes' | 'no' | 'maybe' {
  const begun = reached(m.from, day);
  const ended = m.to === undefined ? 'no' : reached(m.to, day);
  if (begun === 'yes' && ended === 'no') return 'yes';
  if (begun === 'no' || ended === 'yes') return 'no';
  return 'maybe';
}

/**
 * A rule of one member per country (the Douzelage) on an association's memberships at `asOf`: a member
 * whose country already has an earlier member is prohibited; one whose order of joining is unknown, undetermined.
 */
export function evaluateMemberships(
  rule: Rule,
  memberships: readonly MembershipSubject[],
  asOf: PartialDate,
): { membership: MembershipSubject; verdict: RuleVerdict }[] {
  const association = rule.binds.associationMembers;
  const clause = rule.clauses.find((c) => c.effect === 'one_per_country');
  if (association === undefined || clause === undefined) return [];
  const day = dayOf(asOf);
  const current = memberships.filter((m) => m.association === association && holds(m, day) !== 'no');
  const inForce = clauseInForce(rule, clause, day);
  return current.map((m) => {
    const trace: TraceStep[] = [
      {
        kind: 'fact',
        text: `${m.member.name} (${m.member.country ?? 'country unknown'}) is a member of ${association}${m.from ? ` since ${formatPartialDate(m.from)}` : ''}${m.to ? ` until ${formatPartialDate(m.to)}` : ''}`,
        cite: [],
      },
      { kind: 'clause', text: `${clause.id}: ${clause.text}`, cite: clause.cite },
    ];
    const rivals = current.filter(
      (o) => o !== m && o.member.country !== undefined && o.member.country === m.member.country,
    );
    let verdict: RuleVerdict['verdict'] = 'allowed';
    for (const o of rivals) {
      const mine = m.from ? earliestDay(m.from) : undefined;
      const theirs = o.from ? earliestDay(o.from) : undefined;
      if (mine !== undefined && theirs !== undefined && theirs < mine) {
        verdict = 'prohibited';
        trace.push({
          kind: 'fact',
          text: `${o.member.name} already holds ${m.member.country}'s seat, since ${formatPartialDate(o.from!)}`,
          cite: [],
        });
      } else if (mine === undefined || theirs === undefined) {
        if (verdict === 'allowed') verdict = 'undetermined';
        trace.push({
          kind: 'fact',
          text: `${o.member.name} is also a member from ${m.member.country}; who joined first is not recorded`,
          cite: [],
        });
      }
    }
    if (!inForce) verdict = 'allowed';
    if (m.member.country === undefined) verdict = 'undetermined';
    return {
      membership: m,
      verdict: {
        rule: rule.id,
        title: rule.title,
        jurisdiction: rule.jurisdiction,
        status: rule.status,
        citation: rule.citation,
        verdict,
        inForce,
        clause: verdict === 'allowed' ? undefined : clause.id,
        boundSide: 'a',
        uncertain: clause.from?.certainty !== 'certain',
        trace,
      },
    };
  });
}
