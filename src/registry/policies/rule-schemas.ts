import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { LINK_KINDS } from '../../core/link.js';
import { LOCALITY_KINDS } from '../../core/locality.js';
import { CERTAINTIES, EFFECTS, RULE_STATUSES } from '../../core/policies/rule.js';

const oneOf = <T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v))) as TUnion<TLiteral<T[number]>[]>;
const strict = { additionalProperties: false } as const;
const Text = Type.String({ minLength: 1 });
const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const DateText = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
const Cite = Type.Array(Type.String({ pattern: '^[a-z0-9-]+(#.+)?$' }));
const Jurisdiction = Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$' });

/** A date as a rule gives it: plain, or with its certainty, other dates the sources give, a note and citations. */
export const RuleDateEntry = Type.Union([
  DateText,
  Type.Object(
    {
      date: DateText,
      certainty: Type.Optional(oneOf(CERTAINTIES)),
      alternatives: Type.Optional(Type.Array(DateText)),
      note: Type.Optional(Text),
      cite: Type.Optional(Cite),
    },
    strict,
  ),
]);

const SourceRef = Type.Object(
  {
    title: Text,
    url: Type.Optional(Type.String({ pattern: '^https://' })),
    cite: Type.Optional(Type.String()),
  },
  strict,
);

const ClauseEntry = Type.Object(
  {
    id: Id,
    effect: oneOf(EFFECTS),
    text: Text,
    from: Type.Optional(RuleDateEntry),
    to: Type.Optional(RuleDateEntry),
    deadline: Type.Optional(RuleDateEntry),
    deadline_days_after_from: Type.Optional(Type.Integer({ minimum: 0 })),
    formed_before: Type.Optional(RuleDateEntry),
    existing: Type.Optional(Type.Boolean()),
    locator: Type.Optional(Text),
    cite: Cite,
  },
  strict,
);

/** One rule file under data/rules/ (or one rule of a what-if, in JSON). */
export const RuleEntry = Type.Object(
  {
    id: Id,
    title: Text,
    jurisdiction: Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?( [A-Z]{2}(-[A-Z0-9]{1,3})?)*$' }),
    status: oneOf(RULE_STATUSES),
    act: Text,
    citation: Text,
    sources: Type.Array(SourceRef, { minItems: 1 }),
    binds: Type.Object(
      {
        jurisdictions: Type.Optional(Type.Array(Jurisdiction)),
        except_kinds: Type.Optional(Type.Array(oneOf(LOCALITY_KINDS))),
        localities: Type.Optional(Type.Array(Id)),
        association_members: Type.Optional(Id),
        note: Type.Optional(Text),
        cite: Type.Optional(Cite),
      },
      strict,
    ),
    predicate: Type.Object(
      {
        partner_country_in: Type.Optional(
          Type.Object({ list: Text, as_of: Type.Optional(DateText) }, strict),
        ),
        partner_foreign: Type.Optional(Type.Boolean()),
        link_kinds: Type.Optional(Type.Array(oneOf(LINK_KINDS), { minItems: 1 })),
        recognised_by: Type.Optional(Type.Object({ body: Id, note: Text, cite: Cite }, strict)),
        exclusive_pairs: Type.Optional(Type.Array(Type.Tuple([Id, Id]))),
      },
      strict,
    ),
    clauses: Type.Array(ClauseEntry, { minItems: 1 }),
    exceptions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Id,
            text: Text,
            when: Type.Optional(
              Type.Object(
                {
                  bound_kinds: Type.Optional(Type.Array(oneOf(LOCALITY_KINDS), { minItems: 1 })),
                  link_kinds: Type.Optional(Type.Array(oneOf(LINK_KINDS), { minItems: 1 })),
                  localities: Type.Optional(Type.Array(Id, { minItems: 1 })),
                },
                { ...strict, minProperties: 1 },
              ),
            ),
            note: Type.Optional(Text),
            cite: Cite,
          },
          strict,
        ),
      ),
    ),
    interpretations: Type.Optional(
      Type.Array(
        Type.Object(
          {
            question: Text,
            clause: Id,
            reach: Type.Literal('existing_links'),
            readings: Type.Array(Text, { minItems: 2 }),
            cite: Cite,
          },
          strict,
        ),
      ),
    ),
    decisions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Id,
            date: DateText,
            effect: Type.Literal('cancelled'),
            by: Text,
            pairs: Type.Array(Type.Tuple([Id, Id]), { minItems: 1 }),
            note: Type.Optional(Text),
            cite: Cite,
          },
          strict,
        ),
      ),
    ),
    notes: Type.Optional(Text),
    cite: Cite,
  },
  strict,
);

/** One country list of data/rules/country-lists.yaml. */
export const CountryListEntry = Type.Object(
  {
    id: Id,
    title: Text,
    citation: Text,
    aliases: Type.Optional(
      Type.Array(
        Type.Object({ citation: Text, note: Type.Optional(Text), cite: Type.Optional(Cite) }, strict),
      ),
    ),
    mode: oneOf(['dynamic', 'frozen'] as const),
    completeness: oneOf(['complete', 'open', 'partial'] as const),
    completeness_note: Type.Optional(Text),
    sources: Type.Array(SourceRef, { minItems: 1 }),
    entries: Type.Array(
      Type.Object(
        {
          country: Type.String({ pattern: '^[A-Z]{2}$' }),
          from: Type.Optional(DateText),
          to: Type.Optional(DateText),
          certainty: Type.Optional(oneOf(CERTAINTIES)),
          note: Type.Optional(Text),
          cite: Cite,
        },
        strict,
      ),
    ),
    cite: Cite,
  },
  strict,
);

export type RuleEntry = Static<typeof RuleEntry>;
export type CountryListEntry = Static<typeof CountryListEntry>;
