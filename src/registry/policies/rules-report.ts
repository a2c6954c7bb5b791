import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { LinkKind } from '../../core/link.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { binds } from '../../core/policies/applicability.js';
import { evaluate, evaluateRule, type EvaluationContext } from '../../core/policies/evaluate.js';
import { evaluateMemberships, type MembershipSubject } from '../../core/policies/membership.js';
import type { Rule, RuleSet } from '../../core/policies/rule.js';
import { factsOf, type LinkSubject, type Party } from '../../core/policies/subject.js';
import type { RuleVerdict } from '../../core/policies/verdict.js';
import type { DB } from '../../store/schema.js';
import { loadRegistrySubjects, type RegistrySubjects } from './registry-subjects.js';

/** One side of a judged link, as reports show it. */
export interface PartyView {
  key: string;
  name: string;
  country: string | null;
  subdivision: string | null;
}

/** A link (or a membership, or a proposed link) and one rule's verdict on it. */
export interface VerdictRow {
  linkId: number | null;
  /** A membership of an association (the Douzelage) rather than a link. */
  association: string | null;
  a: PartyView;
  b: PartyView | null;
  kind: string | null;
  status: string;
  result: RuleVerdict;
}

/** A rule's verdicts on every link it reaches at a date. */
export interface RuleReport {
  rule: string;
  citation: string;
  asOf: string;
  rows: VerdictRow[];
}

const view = (p: Party): PartyView => ({
  key: p.key,
  name: p.name,
  country: p.country ?? null,
  subdivision: p.subdivision ?? null,
});

function row(subject: LinkSubject, status: string, result: RuleVerdict): VerdictRow {
  return {
    linkId: subject.id ?? null,
    association: null,
    a: view(subject.a),
    b: view(subject.b),
    kind: subject.kind ?? null,
    status,
    result,
  };
}

/** The row of a verdict on an association's membership. */
function membershipRow(membership: MembershipSubject, result: RuleVerdict): VerdictRow {
  return {
    linkId: null,
    association: membership.association,
    a: view(membership.member),
    b: null,
    kind: null,
    status: 'member',
    result,
  };
}

function contextOf(registry: RegistrySubjects, today: PartialDate): EvaluationContext {
  return { today, linksOf: (key) => registry.byLocality.get(key) ?? [] };
}

async function idsOfKeys(db: Kysely<DB>, keys: readonly string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('localities')
    .select('id')
    .where('key', 'in', [...keys])
    .execute();
  return rows.map((r) => r.id);
}

/** Finds a rule by id in a set, or fails with NotFound naming the field. */
export function ruleById(ruleSet: RuleSet, id: string, field = 'rule'): Rule {
  const rule = ruleSet.rules.find((r) => r.id === id);
  if (!rule) throw new TwinningError('NotFound', `no rule has the id "${id}"`, { field });
  return rule;
}

/** Judges the links of a registry already loaded: every link a rule reaches, with its verdict. */
export function reportOn(
  registry: RegistrySubjects,
  ruleSet: RuleSet,
  rule: Rule,
  asOf: PartialDate,
  today: PartialDate,
): VerdictRow[] {
  const context = contextOf(registry, today);
  const rows: VerdictRow[] = [];
  for (const subject of registry.links) {
    const cache = {};
    const v = evaluateRule(subject, rule, ruleSet, asOf, context, cache);
    if (v) rows.push(row(subject, factsOf(subject, asOf, today).status, v));
  }
  for (const { membership, verdict } of evaluateMemberships(rule, registry.memberships, asOf)) {
    rows.push(membershipRow(membership, verdict));
  }
  return rows;
}

/** A rule's report at a date over the registry, reading only the links of the places it binds. */
export async function ruleReport(
  db: Kysely<DB>,
  ruleSet: RuleSet,
  ruleId: string,
  asOf: PartialDate,
  today: PartialDate,
): Promise<RuleReport> {
  const rule = ruleById(ruleSet, ruleId);
  const registry = await loadRegistrySubjects(db, { keep: (p) => binds(rule, p) !== undefined });
  return {
    rule: rule.id,
    citation: rule.citation,
    asOf: formatPartialDate(asOf),
    rows: reportOn(registry, ruleSet, rule, asOf, today),
  };
}

/** Every rule's verdicts on a locality's links and memberships at a date. */
export async function checkLocality(
  db: Kysely<DB>,
  ruleSet: RuleSet,
  key: string,
  asOf: PartialDate,
  today: PartialDate,
): Promise<VerdictRow[]> {
  const registry = await loadRegistrySubjects(db, { localityIds: await idsOfKeys(db, [key]) });
  if (!registry.parties.has(key))
    throw new TwinningError('LocalityNotFound', `no locality has the key "${key}"`, { field: 'locality' });
  const context = contextOf(registry, today);
  const rows: VerdictRow[] = [];
  for (const subject of registry.byLocality.get(key) ?? []) {
    const status = factsOf(subject, asOf, today).status;
    for (const v of evaluate(subject, ruleSet, asOf, context)) rows.push(row(subject, status, v));
  }
  for (const rule of ruleSet.rules) {
    for (const { membership, verdict } of evaluateMemberships(rule, registry.memberships, asOf)) {
      if (membership.member.key === key) rows.push(membershipRow(membership, verdict));
    }
  }
  return rows;
}

/**
 * Every rule's verdicts on the link between two localities at a date: the registry's link if there is one,
 * else a proposed link of `kind` judged as if formed on that date (nothing is written).
 */
export async function checkPair(
  db: Kysely<DB>,
  ruleSet: RuleSet,
  aKey: string,
  bKey: string,
  kind: LinkKind | undefined,
  asOf: PartialDate,
  today: PartialDate,
): Promise<{ proposed: boolean; rows: VerdictRow[] }> {
  const registry = await loadRegistrySubjects(db, { localityIds: await idsOfKeys(db, [aKey, bKey]) });
  const a = registry.parties.get(aKey);
  const b = registry.parties.get(bKey);
  if (!a) throw new TwinningError('LocalityNotFound', `no locality has the key "${aKey}"`, { field: 'a' });
  if (!b) throw new TwinningError('LocalityNotFound', `no locality has the key "${bKey}"`, { field: 'b' });
  if (a.key === b.key)
    throw new TwinningError('SelfLink', `a place cannot twin with itself ("${aKey}")`, { field: 'b' });
  const existing = (registry.byLocality.get(aKey) ?? []).find((s) => s.a.key === bKey || s.b.key === bKey);
  const subject: LinkSubject = existing ?? { a, b, kind, events: [], proposed: true };
  const status = factsOf(subject, asOf, today).status;
  const rows = evaluate(subject, ruleSet, asOf, contextOf(registry, today)).map((v) =>
    row(subject, status, v),
  );
  return { proposed: existing === undefined, rows };
}

/** Every rule's verdicts on one link of the registry, by id. */
export async function checkLinkId(
  db: Kysely<DB>,
  ruleSet: RuleSet,
  linkId: number,
  asOf: PartialDate,
  today: PartialDate,
): Promise<VerdictRow[]> {
  const ends = await db
    .selectFrom('links')
    .select(['a_id', 'b_id'])
    .where('id', '=', linkId)
    .executeTakeFirst();
  if (!ends) throw new TwinningError('LinkNotFound', `no link has the id ${linkId}`, { field: 'link' });
  const registry = await loadRegistrySubjects(db, { localityIds: [ends.a_id, ends.b_id] });
  const subject = registry.links.find((s) => s.id === linkId)!;
  const status = factsOf(subject, asOf, today).status;
  return evaluate(subject, ruleSet, asOf, contextOf(registry, today)).map((v) => row(subject, status, v));
}
