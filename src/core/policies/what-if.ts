import { TwinningError } from '../errors.js';
import { formatPartialDate, type PartialDate } from '../partial-date.js';
import type { Rule, RuleDate, RuleSet } from './rule.js';

/** Changes to a rule set for a what-if: rules added or replaced (by id), rules removed, bills taken as enacted. */
export interface RuleChanges {
  add?: readonly Rule[];
  remove?: readonly string[];
  /** A bill taken as enacted on a date: its clauses without a start date start then. */
  enact?: readonly { rule: string; date: PartialDate }[];
}

function enacted(rule: Rule, date: PartialDate): Rule {
  const from: RuleDate = {
    date,
    certainty: 'certain',
    alternatives: [],
    note: `assumed enactment on ${formatPartialDate(date)} (what-if)`,
    cite: [],
  };
  return { ...rule, clauses: rule.clauses.map((c) => (c.from ? c : { ...c, from })) };
}

/** A new rule set with the changes applied; the given set is left as it was. Unknown ids are errors. */
export function applyRuleChanges(ruleSet: RuleSet, changes: RuleChanges): RuleSet {
  const known = (id: string, field: string): void => {
    if (!rules.some((r) => r.id === id))
      throw new TwinningError('NotFound', `no rule has the id "${id}"`, { field });
  };
  let rules = [...ruleSet.rules];
  for (const id of changes.remove ?? []) {
    known(id, 'remove');
    rules = rules.filter((r) => r.id !== id);
  }
  for (const rule of changes.add ?? []) rules = [...rules.filter((r) => r.id !== rule.id), rule];
  for (const { rule: id, date } of changes.enact ?? []) {
    known(id, 'enact');
    rules = rules.map((r) => (r.id === id ? enacted(r, date) : r));
  }
  return { rules, lists: ruleSet.lists };
}
