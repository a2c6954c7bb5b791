import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { normalizeCountry } from '../../core/country.js';
import { TwinningError } from '../../core/errors.js';
import { TWINNING_PROPER } from '../../core/exclusive-conflicts.js';
import { LINK_KINDS, type LinkKind } from '../../core/link.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { evaluate } from '../../core/policies/evaluate.js';
import type { RuleSet } from '../../core/policies/rule.js';
import type { LinkSubject } from '../../core/policies/subject.js';
import { rankCandidates } from '../../core/suggest/rank.js';
import { reasonsFor } from '../../core/suggest/reasons.js';
import type { SuggestModel } from '../../core/suggest/model.js';
import type { DB } from '../../store/schema.js';
import { localityIdsByKey } from '../../store/locality.repository.js';
import { refuses } from '../policies/new-link-check.js';
import { loadRegistrySubjects } from '../policies/registry-subjects.js';
import { bundledRuleSet } from '../policies/rule-set.js';
import { readModel } from './model-file.js';
import { loadSuggestNetwork } from './network.js';

const Place = Type.Object({
  key: Type.String(),
  name: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
});

const RuleNote = Type.Object({
  rule: Type.String(),
  title: Type.String(),
  citation: Type.String(),
  verdict: Type.String(),
});

/** One suggested partner: its score, the reasons in words, and what rules in force ask of such a link. */
export const Suggestion = Type.Object(
  {
    rank: Type.Integer({ minimum: 1 }),
    ...Place.properties,
    score: Type.Number(),
    reasons: Type.Array(Type.Object({ code: Type.String(), text: Type.String() })),
    rules: Type.Array(RuleNote, {
      description: 'rules in force that ask something of this link (notify, approve)',
    }),
  },
  { title: 'Suggestion' },
);
export type Suggestion = Static<typeof Suggestion>;

/** A locality's suggested partners, with the candidates a rule or an exclusive twinning took out. */
export const Suggestions = Type.Object(
  {
    locality: Place,
    asOf: Type.Union([Type.String(), Type.Null()]),
    kind: Type.Union([Type.String(), Type.Null()], {
      description: 'the kind of link the suggestions are for',
    }),
    model: Type.Union([Type.Literal('boosted'), Type.Literal('logistic'), Type.Literal('heuristic')], {
      description:
        'boosted: gradient-boosted trees trained on the registry; logistic: a trained linear model; heuristic: the hand-set fallback',
    }),
    note: Type.Union([Type.String(), Type.Null()]),
    suggestions: Type.Array(Suggestion),
    removed: Type.Array(
      Type.Object({
        ...Place.properties,
        reason: Type.String(),
        rule: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { title: 'Suggestions' },
);
export type Suggestions = Static<typeof Suggestions>;

/** What a query for suggestions may say. */
export interface SuggestQuery {
  asOf?: PartialDate;
  country?: string;
  /** A continent code: AF AN AS EU NA OC SA. */
  continent?: string;
  /** The kind of link sought (twin_town, partner_town…); rules and exclusivity are judged for it. */
  kind?: string;
  limit?: number;
}

const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'];

function checkQuery(query: SuggestQuery): {
  country?: string;
  continent?: string;
  kind?: LinkKind;
  limit: number;
} {
  const limit = query.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new TwinningError(
      'InvalidInput',
      `limit must be a whole number from 1 to 100, not ${query.limit}`,
      { field: 'limit' },
    );
  const continent = query.continent?.trim().toUpperCase();
  if (continent !== undefined && !CONTINENTS.includes(continent))
    throw new TwinningError(
      'InvalidInput',
      `"${query.continent}" is not a continent; use one of ${CONTINENTS.join(', ')}`,
      {
        field: 'continent',
      },
    );
  if (query.kind !== undefined && !(LINK_KINDS as readonly string[]).includes(query.kind))
    throw new TwinningError(
      'InvalidInput',
      `"${query.kind}" is not a link kind; use one of ${LINK_KINDS.join(', ')}`,
      {
        field: 'kind',
      },
    );
  return {
    country: query.country === undefined ? undefined : normalizeCountry(query.country),
    continent,
    kind: query.kind as LinkKind | undefined,
    limit,
  };
}

/**
 * The best new partners for the locality with `key` at a date (today when absent): places not yet its partners,
 * ranked by the trained model (the heuristic when none is written), each with its reasons. A candidate that a
 * rule in force would refuse is removed and listed with the rule; other rules' demands (notify, approve) are
 * attached. A place twinned exclusively gets no suggestion of a twinning proper: its suggestions are for
 * partnerships, and candidates bound exclusively elsewhere are removed from a twinning proper.
 */
export async function suggestPartners(
  db: Kysely<DB>,
  key: string,
  query: SuggestQuery,
  today: PartialDate,
  model: SuggestModel = readModel(),
  ruleSet: RuleSet = bundledRuleSet(),
): Promise<Suggestions> {
  const checked = checkQuery(query);
  const { graph, exclusiveWith } = await loadSuggestNetwork(db, query.asOf, today);
  const q = graph.indexOf.get(key);
  if (q === undefined)
    throw new TwinningError('LocalityNotFound', `no locality has the key "${key}"`, { field: 'key' });
  const self = graph.places[q]!;
  let kind = checked.kind;
  let note: string | null = null;
  const bound = exclusiveWith.get(key);
  if (bound !== undefined) {
    if (kind === undefined || TWINNING_PROPER.has(kind)) {
      const partner = graph.places[graph.indexOf.get(bound)!]!.name;
      if (kind !== undefined)
        return empty(
          self,
          query,
          kind,
          model,
          `${self.name} is twinned exclusively with ${partner}: it may take no other ${kind.replace('_', ' ')}`,
        );
      kind = 'partner_town';
      note = `${self.name} is twinned exclusively with ${partner}: these are suggestions for partnerships, not twinnings`;
    }
  }
  const exclusiveKind = kind === undefined || TWINNING_PROPER.has(kind);
  const removed: Suggestions['removed'] = [];
  const asOf = query.asOf ?? today;
  // Rank more than asked, so that candidates the rules take out leave the list full.
  const ranking = rankCandidates(graph, model, q, checked.limit * 3, {
    country: checked.country,
    continent: checked.continent,
  });
  const ids = await localityIdsByKey(db, [key, ...ranking.candidates.map((c) => graph.places[c.index]!.key)]);
  const registry = await loadRegistrySubjects(db, { localityIds: [...ids.values()] });
  const context = { today, linksOf: (k: string) => registry.byLocality.get(k) ?? [] };
  const suggestions: Suggestion[] = [];
  for (const { index, score } of ranking.candidates) {
    if (suggestions.length >= checked.limit) break;
    const place = graph.places[index]!;
    const view = placeView(place);
    const elsewhere = exclusiveWith.get(place.key);
    if (elsewhere !== undefined && exclusiveKind) {
      const partner = graph.places[graph.indexOf.get(elsewhere)!]!.name;
      removed.push({ ...view, reason: `twinned exclusively with ${partner}`, rule: null });
      continue;
    }
    const a = registry.parties.get(key);
    const b = registry.parties.get(place.key);
    const rules: Suggestion['rules'] = [];
    if (a && b) {
      const subject: LinkSubject = { a, b, kind, events: [], proposed: true };
      const verdicts = evaluate(subject, ruleSet, asOf, context).filter(
        (v) => v.inForce && v.verdict !== 'allowed',
      );
      const refused = verdicts.find((v) => refuses(v, ruleSet));
      if (refused) {
        removed.push({
          ...view,
          reason: `${refused.title} (${refused.citation}) prohibits it`,
          rule: refused.rule,
        });
        continue;
      }
      for (const v of verdicts)
        rules.push({ rule: v.rule, title: v.title, citation: v.citation, verdict: v.verdict });
    }
    suggestions.push({
      rank: suggestions.length + 1,
      ...view,
      score: Number(score.toFixed(4)),
      reasons: reasonsFor(graph, ranking.profile, ranking.rows, index, model),
      rules,
    });
  }
  return {
    locality: placeView(self),
    asOf: query.asOf ? formatPartialDate(query.asOf) : null,
    kind: kind ?? null,
    model: model.kind,
    note,
    suggestions,
    removed,
  };
}

function placeView(p: { key: string; name: string; country?: string }): Static<typeof Place> {
  return { key: p.key, name: p.name, country: p.country ?? null };
}

function empty(
  self: { key: string; name: string; country?: string },
  query: SuggestQuery,
  kind: string,
  model: SuggestModel,
  note: string,
): Suggestions {
  return {
    locality: placeView(self),
    asOf: query.asOf ? formatPartialDate(query.asOf) : null,
    kind,
    model: model.kind,
    note,
    suggestions: [],
    removed: [],
  };
}
