import type { LinkKind } from '../../../src/core/link.js';
import type { LifecycleEvent } from '../../../src/core/link-lifecycle.js';
import type { LocalityKind } from '../../../src/core/locality.js';
import { parsePartialDate } from '../../../src/core/partial-date.js';
import { evaluate } from '../../../src/core/policies/evaluate.js';
import type { LinkSubject, Party } from '../../../src/core/policies/subject.js';
import type { RuleVerdict } from '../../../src/core/policies/verdict.js';
import { bundledRuleSet } from '../../../src/registry/policies/rule-set.js';

/** A hypothetical place for the rule tests (not a claim about any real town). */
export function place(
  key: string,
  country: string,
  subdivision?: string,
  kind: LocalityKind = 'city',
): Party {
  return { key, name: key, kind, country, subdivision };
}

export const d = (text: string) => parsePartialDate(text);
export const TODAY = d('2026-11-29');

/** A link formed on `formed` (undated when null), ended on `ended` if given. */
export function linked(
  a: Party,
  b: Party,
  formed: string | null,
  opts: { kind?: LinkKind; ended?: string; id?: number } = {},
): LinkSubject {
  const events: LifecycleEvent[] = [
    { type: 'agreement_signed', date: formed === null ? undefined : d(formed), citations: [] },
  ];
  if (opts.ended) events.push({ type: 'terminated', date: d(opts.ended), citations: [] });
  return { id: opts.id, a, b, kind: opts.kind, events };
}

export const proposed = (a: Party, b: Party, kind?: LinkKind): LinkSubject => ({
  a,
  b,
  kind,
  events: [],
  proposed: true,
});

/** The bundled rule's verdict on a subject at a date, or undefined when the rule does not reach it. */
export function verdictOf(
  ruleId: string,
  subject: LinkSubject,
  asOf: string,
  linksOf?: (key: string) => LinkSubject[],
): RuleVerdict | undefined {
  return evaluate(subject, bundledRuleSet(), d(asOf), { today: TODAY, linksOf }).find(
    (v) => v.rule === ruleId,
  );
}
