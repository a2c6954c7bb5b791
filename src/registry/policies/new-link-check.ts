import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { PartialDate } from '../../core/partial-date.js';
import { evaluate } from '../../core/policies/evaluate.js';
import type { RuleSet } from '../../core/policies/rule.js';
import type { RuleVerdict } from '../../core/policies/verdict.js';
import type { DB } from '../../store/schema.js';
import { loadRegistrySubjects } from './registry-subjects.js';
import { bundledRuleSet } from './rule-set.js';

/** The effects whose breach refuses a new link; every other verdict is a warning. */
const REFUSING = new Set(['prohibits_forming', 'exclusive', 'one_per_country']);

/** True when a verdict refuses a new link: a rule in force (not a bill) prohibits forming it. */
export function refuses(verdict: RuleVerdict, ruleSet: RuleSet): boolean {
  if (verdict.verdict !== 'prohibited' || !verdict.inForce || verdict.status === 'bill') return false;
  const rule = ruleSet.rules.find((r) => r.id === verdict.rule);
  const clause = rule?.clauses.find((c) => c.id === verdict.clause);
  return clause !== undefined && REFUSING.has(clause.effect);
}

/** Every rule's verdict today on one stored link (read in the caller's transaction). */
export async function verdictsOnLink(
  db: Kysely<DB>,
  linkId: number,
  today: PartialDate,
  ruleSet: RuleSet = bundledRuleSet(),
): Promise<RuleVerdict[]> {
  const ends = await db
    .selectFrom('links')
    .select(['a_id', 'b_id'])
    .where('id', '=', linkId)
    .executeTakeFirst();
  if (!ends) return [];
  const registry = await loadRegistrySubjects(db, { localityIds: [ends.a_id, ends.b_id] });
  const subject = registry.links.find((s) => s.id === linkId);
  if (!subject) return [];
  return evaluate(subject, ruleSet, today, { today, linksOf: (key) => registry.byLocality.get(key) ?? [] });
}

/**
 * The rules check of a new link, run by the create path inside its transaction once the link is stored:
 * a rule in force that prohibits forming it refuses the write (RuleProhibits, with the rule and its
 * citation); any other verdict that asks something of the link is returned as a warning.
 */
export async function assertRulesAllowNewLink(
  db: Kysely<DB>,
  linkId: number,
  today: PartialDate,
  ruleSet: RuleSet = bundledRuleSet(),
): Promise<RuleVerdict[]> {
  const verdicts = await verdictsOnLink(db, linkId, today, ruleSet);
  const refused = verdicts.find((v) => refuses(v, ruleSet));
  if (refused) {
    const why = refused.trace.filter((t) => t.kind === 'clause').at(-1)?.text ?? '';
    throw new TwinningError(
      'RuleProhibits',
      `${refused.title} (${refused.citation}, rule ${refused.rule}, clause ${refused.clause}) prohibits this link: ${why}`,
      { field: 'b' },
    );
  }
  return verdicts.filter((v) => v.verdict !== 'allowed');
}
