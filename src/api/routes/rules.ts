import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { TwinningError } from '../../core/errors.js';
import { LINK_KINDS, type LinkKind } from '../../core/link.js';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../../core/partial-date.js';
import type { CountryList, Rule, RuleDate, RuleSet } from '../../core/policies/rule.js';
import { applyRuleChanges } from '../../core/policies/what-if.js';
import { bundledRuleSet } from '../../registry/policies/rule-set.js';
import {
  checkLinkId,
  checkLocality,
  checkPair,
  ruleById,
  ruleReport,
} from '../../registry/policies/rules-report.js';
import { verdictsCsv } from '../../registry/policies/verdict-csv.js';
import type { ApiContext } from '../api-context.js';
import { errorResponses } from '../schemas/common.js';
import {
  CheckView,
  CountryListView,
  LinkIdParams,
  LocalityKeyParams,
  PairQuery,
  ReportQuery,
  RuleDetail,
  RuleIdParams,
  RuleReportView,
  RuleSummary,
  WhatIfQuery,
} from '../schemas/rules.js';

type WhatIf = { asOf?: string; without?: string; enact?: string };

/** The rule set with a request's what-if changes (rules left out, bills taken as enacted). */
function ruleSetOf(query: WhatIf): RuleSet {
  return applyRuleChanges(bundledRuleSet(), {
    remove: query.without?.split(',') ?? [],
    enact: (query.enact?.split(',') ?? []).map((e) => {
      const [rule = '', date = ''] = e.split('=', 2);
      return { rule, date: parsePartialDate(date, 'query.enact') };
    }),
  });
}

const asOfOf = (query: WhatIf, today: PartialDate): PartialDate =>
  query.asOf ? parsePartialDate(query.asOf, 'query.asOf') : today;

const dateView = (d: RuleDate | undefined) =>
  d === undefined
    ? null
    : {
        date: formatPartialDate(d.date),
        certainty: d.certainty,
        alternatives: d.alternatives.map(formatPartialDate),
        note: d.note ?? null,
        cite: d.cite,
      };

function summary(r: Rule) {
  const from = r.clauses.map((c) => c.from).find((f) => f !== undefined);
  return {
    id: r.id,
    title: r.title,
    jurisdiction: r.jurisdiction,
    status: r.status,
    act: r.act,
    citation: r.citation,
    sources: r.sources.map((s) => ({ title: s.title, url: s.url ?? null, cite: s.cite ?? null })),
    from: from ? formatPartialDate(from.date) : null,
  };
}

function detail(r: Rule) {
  return {
    ...summary(r),
    binds: {
      jurisdictions: r.binds.jurisdictions,
      exceptKinds: r.binds.exceptKinds,
      localities: r.binds.localities,
      associationMembers: r.binds.associationMembers ?? null,
      note: r.binds.note ?? null,
    },
    predicate: {
      partnerCountryIn: r.predicate.partnerCountryIn
        ? {
            list: r.predicate.partnerCountryIn.list,
            asOf: r.predicate.partnerCountryIn.asOf
              ? formatPartialDate(r.predicate.partnerCountryIn.asOf)
              : null,
          }
        : null,
      partnerForeign: r.predicate.partnerForeign ?? false,
      linkKinds: r.predicate.linkKinds ?? [],
    },
    clauses: r.clauses.map((c) => ({
      id: c.id,
      effect: c.effect,
      text: c.text,
      from: dateView(c.from),
      to: dateView(c.to),
      deadline: dateView(c.deadline),
      cite: c.cite,
    })),
    exceptions: r.exceptions,
    interpretations: r.interpretations.map((i) => ({
      question: i.question,
      readings: i.readings,
      cite: i.cite,
    })),
    decisions: r.decisions.map((d) => ({ ...d, date: formatPartialDate(d.date), note: undefined })),
    cite: r.cite,
  };
}

const listView = (l: CountryList) => ({
  id: l.id,
  title: l.title,
  citation: l.citation,
  aliases: l.aliases.map((a) => a.citation),
  mode: l.mode,
  completeness: l.completeness,
  completenessNote: l.completenessNote ?? null,
  entries: l.entries.map((e) => ({
    country: e.country,
    from: e.from ? formatPartialDate(e.from) : null,
    to: e.to ? formatPartialDate(e.to) : null,
    certainty: e.certainty,
    note: e.note ?? null,
    cite: e.cite,
  })),
});

/** Laws and policies on twinning: the rules, their country lists, and verdicts on links at any date, with what-if. */
export const ruleRoutes =
  (context: ApiContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = context;
    const read = { action: 'read', cache: true } as const;
    const tags = ['rules'];

    app.get(
      '/rules',
      {
        config: read,
        schema: {
          summary: 'The rules on twinning, with citations',
          tags,
          response: { 200: Type.Array(RuleSummary), ...errorResponses(401, 429) },
        },
      },
      async () => bundledRuleSet().rules.map(summary),
    );

    app.get(
      '/rules/lists',
      {
        config: read,
        schema: {
          summary: 'The country lists the rules name, dated, dynamic or frozen, with former citations',
          tags,
          response: { 200: Type.Array(CountryListView), ...errorResponses(401, 429) },
        },
      },
      async () => bundledRuleSet().lists.map(listView),
    );

    app.get(
      '/rules/:id',
      {
        config: read,
        schema: {
          summary: 'One rule with its clauses, dates, exceptions, open questions and decisions',
          tags,
          params: RuleIdParams,
          response: { 200: RuleDetail, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request) => detail(ruleById(bundledRuleSet(), request.params.id, 'params.id')),
    );

    app.get(
      '/rules/:id/report',
      {
        config: read,
        schema: {
          summary: 'Every link the rule reaches at a date, with its verdict and trace (JSON or CSV)',
          tags,
          params: RuleIdParams,
          querystring: ReportQuery,
          response: {
            200: {
              description: 'The report as JSON, or as CSV with format=csv',
              content: {
                'application/json': { schema: RuleReportView },
                'text/csv': { schema: Type.String() },
              },
            },
            ...errorResponses(400, 401, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const set = ruleSetOf(request.query);
        const report = await ruleReport(
          db,
          set,
          request.params.id,
          asOfOf(request.query, context.today()),
          context.today(),
        );
        if (request.query.format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${report.rule}.csv"`)
            .send(verdictsCsv(report.rows));
        }
        return report;
      },
    );

    app.get(
      '/rules/check/localities/:key',
      {
        config: read,
        schema: {
          summary: "Every rule's verdict on a locality's links and memberships at a date",
          tags,
          params: LocalityKeyParams,
          querystring: WhatIfQuery,
          response: { 200: CheckView, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request) => {
        const asOf = asOfOf(request.query, context.today());
        const rows = await checkLocality(
          db,
          ruleSetOf(request.query),
          request.params.key,
          asOf,
          context.today(),
        );
        return { asOf: formatPartialDate(asOf), proposed: false, rows };
      },
    );

    app.get(
      '/rules/check/links/:id',
      {
        config: read,
        schema: {
          summary: "Every rule's verdict on one link at a date",
          tags,
          params: LinkIdParams,
          querystring: WhatIfQuery,
          response: { 200: CheckView, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request) => {
        const asOf = asOfOf(request.query, context.today());
        const rows = await checkLinkId(
          db,
          ruleSetOf(request.query),
          request.params.id,
          asOf,
          context.today(),
        );
        return { asOf: formatPartialDate(asOf), proposed: false, rows };
      },
    );

    app.get(
      '/rules/check/pair',
      {
        config: read,
        schema: {
          summary:
            "Every rule's verdict on the link between two localities, or on a proposed one (nothing is written)",
          tags,
          querystring: PairQuery,
          response: { 200: CheckView, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request) => {
        const { a, b, kind } = request.query;
        if (kind !== undefined && !(LINK_KINDS as readonly string[]).includes(kind))
          throw new TwinningError('InvalidInput', `kind must be one of ${LINK_KINDS.join(', ')}`, {
            field: 'query.kind',
          });
        const asOf = asOfOf(request.query, context.today());
        const result = await checkPair(
          db,
          ruleSetOf(request.query),
          a,
          b,
          kind as LinkKind | undefined,
          asOf,
          context.today(),
        );
        return { asOf: formatPartialDate(asOf), ...result };
      },
    );
  };
