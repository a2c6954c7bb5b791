import { Type } from '@sinclair/typebox';
import { VERDICTS } from '../../core/policies/verdict.js';
import { DateText, Key, NO_NUL, Nullable, NullableString, StringEnum } from './common.js';

const RuleId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120, description: 'rule id' });

/** A source of a rule or list. */
const RuleSourceView = Type.Object({ title: Type.String(), url: NullableString, cite: NullableString });

/** A rule as listed: what it is, where it binds, what it cites. */
export const RuleSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  jurisdiction: Type.String({ description: 'ISO 3166-1 or 3166-2 codes, space-separated' }),
  status: Type.String({ description: 'law, bill, directive, policy or association_rule' }),
  act: Type.String(),
  citation: Type.String(),
  sources: Type.Array(RuleSourceView),
  from: Nullable(Type.String({ description: 'the earliest start date of its clauses' })),
});

const DateView = Nullable(
  Type.Object({
    date: Type.String(),
    certainty: Type.String(),
    alternatives: Type.Array(Type.String()),
    note: NullableString,
    cite: Type.Array(Type.String()),
  }),
);

/** A rule with its clauses, exceptions, interpretations and decisions. */
export const RuleDetail = Type.Composite([
  RuleSummary,
  Type.Object({
    binds: Type.Object({
      jurisdictions: Type.Array(Type.String()),
      exceptKinds: Type.Array(Type.String()),
      localities: Type.Array(Type.String()),
      associationMembers: NullableString,
      note: NullableString,
    }),
    predicate: Type.Object({
      partnerCountryIn: Nullable(Type.Object({ list: Type.String(), asOf: NullableString })),
      partnerForeign: Type.Boolean(),
      linkKinds: Type.Array(Type.String()),
    }),
    clauses: Type.Array(
      Type.Object({
        id: Type.String(),
        effect: Type.String(),
        text: Type.String(),
        from: DateView,
        to: DateView,
        deadline: DateView,
        cite: Type.Array(Type.String()),
      }),
    ),
    exceptions: Type.Array(
      Type.Object({
        id: Type.String(),
        text: Type.String(),
        when: Type.Optional(
          Type.Object(
            {
              boundKinds: Type.Optional(Type.Array(Type.String())),
              linkKinds: Type.Optional(Type.Array(Type.String())),
              localities: Type.Optional(Type.Array(Type.String())),
            },
            {
              description:
                'the conditions a link meets for the exception to allow it; absent: recorded, not evaluated',
            },
          ),
        ),
        note: Type.Optional(Type.String()),
        cite: Type.Array(Type.String()),
      }),
    ),
    interpretations: Type.Array(
      Type.Object({
        question: Type.String(),
        readings: Type.Array(Type.String()),
        cite: Type.Array(Type.String()),
      }),
    ),
    decisions: Type.Array(
      Type.Object({
        id: Type.String(),
        date: Type.String(),
        effect: Type.String(),
        by: Type.String(),
        pairs: Type.Array(Type.Array(Type.String())),
        cite: Type.Array(Type.String()),
      }),
    ),
    cite: Type.Array(Type.String()),
  }),
]);

/** A country list with its dated entries. */
export const CountryListView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  citation: Type.String(),
  aliases: Type.Array(Type.String(), { description: 'former citations that still resolve (15 CFR 7.4)' }),
  mode: Type.String({ description: 'dynamic (as amended) or frozen' }),
  completeness: Type.String({ description: 'complete, open (designations not recorded) or partial' }),
  completenessNote: NullableString,
  entries: Type.Array(
    Type.Object({
      country: Type.String(),
      from: NullableString,
      to: NullableString,
      certainty: Type.String(),
      note: NullableString,
      cite: Type.Array(Type.String()),
    }),
  ),
});

const PartyView = Type.Object({
  key: Type.String(),
  name: Type.String(),
  country: NullableString,
  subdivision: NullableString,
});

/** One rule's verdict on one link (or membership), with the trace and its citations. */
export const VerdictRowView = Type.Object({
  linkId: Nullable(Type.Integer()),
  association: NullableString,
  a: PartyView,
  b: Nullable(PartyView),
  kind: NullableString,
  status: Type.String(),
  result: Type.Object({
    rule: Type.String(),
    title: Type.String(),
    jurisdiction: Type.String(),
    status: Type.String(),
    citation: Type.String(),
    verdict: StringEnum(VERDICTS),
    inForce: Type.Boolean(),
    deadline: Type.Optional(Type.String()),
    clause: Type.Optional(Type.String()),
    exception: Type.Optional(Type.String({ description: 'the exception of the rule that allows the link' })),
    boundSide: Type.String(),
    uncertain: Type.Boolean(),
    trace: Type.Array(
      Type.Object({ kind: Type.String(), text: Type.String(), cite: Type.Array(Type.String()) }),
    ),
  }),
});

/** What-if parameters shared by every check and report. */
const WhatIf = {
  asOf: Type.Optional(DateText),
  without: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$',
      description: 'rule ids to leave out, comma-separated',
    }),
  ),
  enact: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9-]+=[0-9-]+(,[a-z0-9-]+=[0-9-]+)*$',
      description: 'bills taken as enacted: rule=YYYY-MM-DD, comma-separated',
    }),
  ),
};

export const RuleIdParams = Type.Object({ id: RuleId });
export const ReportQuery = Type.Object(
  { ...WhatIf, format: Type.Optional(StringEnum(['json', 'csv'] as const)) },
  { additionalProperties: false },
);
export const WhatIfQuery = Type.Object(WhatIf, { additionalProperties: false });
export const PairQuery = Type.Object(
  {
    ...WhatIf,
    a: Key,
    b: Key,
    kind: Type.Optional(Type.String({ pattern: '^[a-z_]+$', description: 'the kind of a proposed link' })),
  },
  { additionalProperties: false },
);
export const LocalityKeyParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL }),
});
export const LinkIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const RuleReportView = Type.Object({
  rule: Type.String(),
  citation: Type.String(),
  asOf: Type.String(),
  rows: Type.Array(VerdictRowView),
});
export const CheckView = Type.Object({
  asOf: Type.String(),
  proposed: Type.Boolean(),
  rows: Type.Array(VerdictRowView),
});
