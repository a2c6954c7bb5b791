import { earliestDay, formatPartialDate, latestDay, type PartialDate } from '../partial-date.js';
import { applicability } from './applicability.js';
import { clauseOutcome, type ClauseInput, type ClauseOutcome } from './clauses.js';
import { dateOfDay, dayOf, reached } from './day.js';
import type { Rule, RuleException, RuleSet } from './rule.js';
import { factsOf, type LinkFacts, type LinkSubject } from './subject.js';
import { severity, type RuleVerdict, type TraceStep, type Verdict } from './verdict.js';

/** What the evaluator needs besides the link: today (for undated events) and the bound side's other links. */
export interface EvaluationContext {
  today: PartialDate;
  /** The links of a locality, for rules that count partners (one per country). */
  linksOf?(key: string): readonly LinkSubject[];
}

function factText(subject: LinkSubject, facts: LinkFacts, asOf: PartialDate): TraceStep {
  const side = (p: LinkSubject['a']): string =>
    `${p.name} (${[p.subdivision ?? p.country ?? 'country unknown', p.kind].join(', ')})`;
  const kind = subject.kind ? `kind ${subject.kind}` : 'kind not recorded';
  const formed =
    facts.formed === undefined
      ? 'formed on an unknown date'
      : facts.formed === null
        ? 'never formed'
        : facts.formed.text;
  const status = facts.status === 'proposed' ? '' : `; status at ${formatPartialDate(asOf)}: ${facts.status}`;
  return {
    kind: 'fact',
    text: `${side(subject.a)} – ${side(subject.b)}, ${kind}; ${formed}${status}${facts.ended ? ` (${facts.ended.text})` : ''}`,
    cite: [],
  };
}

function decided(rule: Rule, subject: LinkSubject, day: number): TraceStep | undefined {
  for (const d of rule.decisions) {
    const hit = d.pairs.some(
      ([x, y]) =>
        (x === subject.a.key && y === subject.b.key) || (x === subject.b.key && y === subject.a.key),
    );
    if (hit && reached(d.date, day) === 'yes')
      return {
        kind: 'decision',
        text: `${d.effect} by ${d.by} on ${formatPartialDate(d.date)} under the rule${d.note ? ` (${d.note})` : ''}`,
        cite: d.cite,
      };
  }
  return undefined;
}

/** Picks the verdict of a rule from its clauses: the most severe, except that a grace period to end a link overrides a bare ban on keeping it. */
function combine(outcomes: readonly ClauseOutcome[]): ClauseOutcome | undefined {
  const graced = outcomes.some((o) => o.verdict === 'must_end_by' && o.inForce);
  const counted = outcomes.filter((o) => !(graced && o.clause.effect === 'prohibits_maintaining'));
  return counted.reduce<ClauseOutcome | undefined>(
    (best, o) => (best === undefined || severity(o.verdict) > severity(best.verdict) ? o : best),
    undefined,
  );
}

type Reach = NonNullable<ReturnType<typeof applicability>>;
type Others = ClauseInput['others'];

/** The clauses' outcomes for one reading of the link's formation date. */
function run(
  rule: Rule,
  subject: LinkSubject,
  facts: LinkFacts,
  reach: Reach,
  day: number,
  today: PartialDate,
  others: Others,
) {
  const input = { rule, subject, facts, bound: reach.bound, partner: reach.partner, day, today, others };
  const outcomes = rule.clauses.map((c) => clauseOutcome(input, c));
  const best = combine(outcomes);
  return { outcomes, best, verdict: best?.verdict ?? ('allowed' as Verdict) };
}

/**
 * Judges the link by every clause. A formation date that is unknown or coarse is read both ways (as early
 * and as late as it can be): the same verdict either way stands; two verdicts that both ask the link to go
 * give the one for an older link; otherwise the verdict is undetermined.
 */
function judge(
  rule: Rule,
  subject: LinkSubject,
  facts: LinkFacts,
  reach: Reach,
  day: number,
  today: PartialDate,
  others: Others,
) {
  const formed = facts.formed;
  const exact =
    formed === null || (formed !== undefined && earliestDay(formed.date) === latestDay(formed.date));
  if (exact) {
    const r = run(rule, subject, facts, reach, day, today, others);
    return { ...r, trace: r.outcomes.flatMap((o) => o.trace) };
  }
  const early = formed ? dateOfDay(earliestDay(formed.date)) : { year: 1, month: 1, day: 1 };
  const late = dateOfDay(Math.min(formed ? latestDay(formed.date) : day, day));
  const first = run(
    rule,
    subject,
    { ...facts, formed: { date: early, text: '' } },
    reach,
    day,
    today,
    others,
  );
  const second = run(
    rule,
    subject,
    { ...facts, formed: { date: late, text: '' } },
    reach,
    day,
    today,
    others,
  );
  const what = formed
    ? `formed ${formatPartialDate(formed.date)}, a date too coarse for the rule's cut-off`
    : 'formed on an unknown date';
  const trace: TraceStep[] = first.outcomes.map((o) => o.trace[0]!);
  const say = (r: typeof first): string => r.best?.trace.at(-1)?.text ?? 'nothing asked';
  if (first.verdict === second.verdict) {
    trace.push({
      kind: 'clause',
      text: `${what}; either way: ${say(first)}`,
      cite: first.best?.clause.cite ?? [],
    });
    return { ...first, trace };
  }
  trace.push({
    kind: 'clause',
    text: `${what}: if formed early, ${say(first)}; if formed late, ${say(second)}`,
    cite: first.best?.clause.cite ?? [],
  });
  if (first.verdict !== 'allowed' && second.verdict !== 'allowed') return { ...first, trace };
  const best = severity(first.verdict) >= severity(second.verdict) ? first : second;
  return { ...best, verdict: 'undetermined' as Verdict, trace };
}

const lifted = new WeakMap<Rule, Rule | null>();

/**
 * The rule as it reads without its evaluated exceptions: the locality kinds and link kinds they set apart are
 * reached too. Null when the rule has no exception with conditions. Kept while the rule lives.
 */
function withoutExceptions(rule: Rule): Rule | null {
  const known = lifted.get(rule);
  if (known !== undefined) return known;
  const evaluated = rule.exceptions.filter((x) => x.when !== undefined);
  let result: Rule | null = null;
  if (evaluated.length > 0) {
    const boundKinds = new Set(evaluated.flatMap((x) => x.when?.boundKinds ?? []));
    const linkKinds = evaluated.flatMap((x) => x.when?.linkKinds ?? []);
    result = {
      ...rule,
      binds: { ...rule.binds, exceptKinds: rule.binds.exceptKinds.filter((k) => !boundKinds.has(k)) },
      predicate: {
        ...rule.predicate,
        linkKinds: rule.predicate.linkKinds && [...new Set([...rule.predicate.linkKinds, ...linkKinds])],
      },
      exceptions: [],
    };
  }
  lifted.set(rule, result);
  return result;
}

/** True when the link, with `bound` the side the rule binds, meets every condition of the exception. */
function meets(exception: RuleException, subject: LinkSubject, bound: LinkSubject['a']): boolean {
  const when = exception.when;
  if (when === undefined) return false;
  if (when.boundKinds && !when.boundKinds.includes(bound.kind)) return false;
  if (when.linkKinds && (subject.kind === undefined || !when.linkKinds.includes(subject.kind))) return false;
  if (when.localities && !when.localities.includes(bound.key)) return false;
  return true;
}

/**
 * The verdict of a rule's exception on a link the rule would reach without it: allowed, with the verdict the
 * rule would give otherwise and the exception's citation in the trace; undefined when no exception applies. A
 * decision taken under the rule about the link itself stands.
 */
function excepted(
  subject: LinkSubject,
  rule: Rule,
  ruleSet: RuleSet,
  asOf: PartialDate,
  context: EvaluationContext,
  cache: { facts?: LinkFacts },
): RuleVerdict | undefined {
  const plain = withoutExceptions(rule);
  if (plain === null) return undefined;
  const reach = applicability(plain, ruleSet.lists, subject, dayOf(asOf));
  if (reach === undefined) return undefined;
  const exception = rule.exceptions.find((x) => meets(x, subject, reach.bound));
  if (exception === undefined) return undefined;
  const otherwise = evaluateRule(subject, plain, ruleSet, asOf, context, cache)!;
  if (otherwise.verdict === 'cancelled') return otherwise;
  const saved =
    otherwise.verdict === 'allowed'
      ? 'the rule would allow the link at this date anyway'
      : `without it the verdict would be ${otherwise.verdict.replace(/_/g, ' ')}${otherwise.clause ? ` (clause ${otherwise.clause})` : ''}`;
  return {
    ...otherwise,
    verdict: 'allowed',
    clause: undefined,
    deadline: undefined,
    exception: exception.id,
    uncertain: false,
    trace: [
      ...otherwise.trace,
      {
        kind: 'exception',
        text: `exception ${exception.id}: ${exception.text}; ${saved}`,
        cite: exception.cite,
      },
    ],
  };
}

/** One rule's verdict on a link at `asOf`, or undefined when the rule does not reach the link. */
export function evaluateRule(
  subject: LinkSubject,
  rule: Rule,
  ruleSet: RuleSet,
  asOf: PartialDate,
  context: EvaluationContext,
  cache: { facts?: LinkFacts } = {},
): RuleVerdict | undefined {
  const exception = excepted(subject, rule, ruleSet, asOf, context, cache);
  if (exception) return exception;
  const day = dayOf(asOf);
  const reach = applicability(rule, ruleSet.lists, subject, day);
  if (reach === undefined) return undefined;
  const facts = (cache.facts ??= factsOf(subject, asOf, context.today));
  const base = {
    rule: rule.id,
    title: rule.title,
    jurisdiction: rule.jurisdiction,
    status: rule.status,
    citation: rule.citation,
    boundSide: reach.boundSide,
  };
  const trace: TraceStep[] = [factText(subject, facts, asOf), ...reach.trace];
  if (rule.status === 'bill')
    trace.push({
      kind: 'assumption',
      text: 'a bill, not law: judged as if enacted with the dates given',
      cite: rule.cite,
    });
  const decision = decided(rule, subject, day);
  if (decision)
    return {
      ...base,
      verdict: 'cancelled',
      inForce: true,
      uncertain: reach.uncertain,
      trace: [...trace, decision],
    };
  const inForce = rule.clauses.some((c) =>
    c.from === undefined ? rule.status !== 'bill' : reached(c.from.date, day) !== 'no',
  );
  if (!facts.live && inForce) {
    trace.push({
      kind: 'fact',
      text: `the link is ${facts.status} at the date; the rule asks nothing of it`,
      cite: [],
    });
    return { ...base, verdict: 'allowed', inForce, uncertain: reach.uncertain, trace };
  }
  const others = rule.clauses.some((c) => c.effect === 'one_per_country')
    ? (context.linksOf?.(reach.bound.key) ?? []).map((s) => ({
        subject: s,
        facts: factsOf(s, asOf, context.today),
      }))
    : undefined;
  if (reach.exclusivePair) {
    trace.push({ kind: 'predicate', text: 'this is the exclusive pair itself', cite: rule.cite });
    return { ...base, verdict: 'allowed', inForce, uncertain: reach.uncertain, trace };
  }
  const judged = judge(rule, subject, facts, reach, day, context.today, others);
  trace.push(...judged.trace);
  const best = judged.best;
  const outcomes = judged.outcomes;
  let verdict = judged.verdict;
  if (reach.certainty === 'maybe' && verdict !== 'allowed') {
    trace.push({
      kind: 'predicate',
      text: 'whether the rule reaches this link cannot be told from the facts recorded',
      cite: [],
    });
    verdict = 'undetermined';
  }
  for (const i of rule.interpretations) {
    if (best && i.clause === best.clause.id && verdict === 'contested')
      trace.push({
        kind: 'interpretation',
        text: `${i.question} Readings: ${i.readings.join(' / ')}`,
        cite: i.cite,
      });
  }
  return {
    ...base,
    verdict,
    inForce: outcomes.some((o) => o.inForce),
    deadline: best?.deadline,
    clause: best && verdict !== 'allowed' ? best.clause.id : undefined,
    uncertain: reach.uncertain || outcomes.some((o) => o.uncertain && o === best),
    trace,
  };
}

/** Rules by what can make them bind a place: a jurisdiction code, a locality key, an association key. */
interface RuleIndex {
  byCode: Map<string, Rule[]>;
  byLocality: Map<string, Rule[]>;
  byAssociation: Map<string, Rule[]>;
}

const indexes = new WeakMap<RuleSet, RuleIndex>();

function add(map: Map<string, Rule[]>, key: string, rule: Rule): void {
  const list = map.get(key) ?? [];
  if (!list.includes(rule)) list.push(rule);
  map.set(key, list);
}

/** Indexes a rule set once (kept while the set lives), so a link meets only the rules that may bind its places. */
function indexOf(ruleSet: RuleSet): RuleIndex {
  let index = indexes.get(ruleSet);
  if (index) return index;
  index = { byCode: new Map(), byLocality: new Map(), byAssociation: new Map() };
  for (const rule of ruleSet.rules) {
    for (const code of rule.binds.jurisdictions) add(index.byCode, code, rule);
    for (const key of rule.binds.localities) add(index.byLocality, key, rule);
    if (rule.binds.associationMembers) add(index.byAssociation, rule.binds.associationMembers, rule);
  }
  indexes.set(ruleSet, index);
  return index;
}

/** The rules that may bind either side of a link, in the rule set's order. */
function candidates(subject: LinkSubject, ruleSet: RuleSet): Rule[] {
  const index = indexOf(ruleSet);
  const found = new Set<Rule>();
  for (const p of [subject.a, subject.b]) {
    for (const code of [p.country, p.subdivision])
      if (code !== undefined) index.byCode.get(code)?.forEach((r) => found.add(r));
    index.byLocality.get(p.key)?.forEach((r) => found.add(r));
    for (const a of p.associations ?? []) index.byAssociation.get(a)?.forEach((r) => found.add(r));
  }
  if (found.size === 0) return [];
  return ruleSet.rules.filter((r) => found.has(r));
}

/** Every applicable rule's verdict on a link (or a proposed link) at `asOf`, with traces and citations. */
export function evaluate(
  subject: LinkSubject,
  ruleSet: RuleSet,
  asOf: PartialDate,
  context: EvaluationContext,
): RuleVerdict[] {
  const cache: { facts?: LinkFacts } = {};
  const verdicts: RuleVerdict[] = [];
  for (const rule of candidates(subject, ruleSet)) {
    const v = evaluateRule(subject, rule, ruleSet, asOf, context, cache);
    if (v) verdicts.push(v);
  }
  return verdicts;
}
