import { Type } from '@sinclair/typebox';
import { Key, NO_NUL, Nullable, NullableString } from './common.js';

/** An association with its members. */
export const AssociationView = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  founded: NullableString,
  country: NullableString,
  notes: NullableString,
  members: Type.Array(
    Type.Object({
      locality: Type.Object({ key: Type.String(), name: Type.String(), country: NullableString }),
      from: NullableString,
      to: NullableString,
      role: NullableString,
    }),
  ),
});

export const AssociationQuery = Type.Object(
  { locality: Type.Optional(Key) },
  { additionalProperties: false },
);

export const AssociationKeyParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL }),
});

/** A word for a twinning. */
export const TermView = Type.Object({
  id: Type.Integer(),
  term: Type.String(),
  lang: Type.String(),
  romanized: NullableString,
  country: NullableString,
  meaning: Type.String(),
  linkKind: NullableString,
  notes: NullableString,
});

export const TermQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.String({
        pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$',
        description: 'BCP 47; zh finds zh-Hans',
      }),
    ),
  },
  { additionalProperties: false },
);

const KindCount = Type.Object({ kind: NullableString, count: Type.Integer() });

/** Counts of what the registry holds. */
export const Summary = Type.Object({
  localities: Type.Integer(),
  countries: Type.Integer(),
  links: Type.Integer(),
  events: Type.Integer(),
  associations: Type.Integer(),
  memberships: Type.Integer(),
  terms: Type.Integer(),
  sources: Type.Integer(),
  localitiesByKind: Type.Array(KindCount),
  linksByKind: Type.Array(KindCount),
  linksDated: Type.Integer({ description: 'Links with at least one dated event' }),
  linksListedWithoutDate: Type.Integer({
    description:
      "Links sources only list, undated: known to stand from the earliest listing source's retrieval date",
  }),
  counting: Type.String({ description: 'What each count counts' }),
});

/** One row of an audit trail. */
export const AuditRecord = Type.Object({
  id: Type.Integer(),
  entityType: Type.String(),
  entityId: Type.Integer(),
  entityKey: NullableString,
  action: Type.String(),
  actor: Type.Object({
    tokenId: Nullable(Type.Integer()),
    name: Type.String(),
    role: Type.String(),
  }),
  at: Type.String(),
  version: Nullable(Type.Integer()),
  before: Type.Unknown({ description: 'the entity before the write; null for a creation' }),
  after: Type.Unknown({ description: 'the entity after the write; null for a deletion' }),
});

export const AuditPage = Type.Object({ items: Type.Array(AuditRecord), nextCursor: NullableString });

/** Who the token is. */
export const Me = Type.Object({
  authenticated: Type.Boolean(),
  name: NullableString,
  role: NullableString,
  scopes: Type.Array(Type.String()),
});
