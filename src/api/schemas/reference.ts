import { Type } from '@sinclair/typebox';
import { AuditRecord } from '../../core/audit.js';
import { LANG_TAG_PATTERN } from '../../core/shapes.js';
import { Key, NO_NUL, NullableString, Page } from './common.js';

// Defined beside what builds them: associations in registry/association/view.ts, the summary in
// registry/summary.ts, audit rows in core/audit.ts.
export { AuditRecord } from '../../core/audit.js';
export { AssociationView } from '../../registry/association/view.js';
export { RegistrySummary } from '../../registry/summary.js';

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
    lang: Type.Optional(Type.String({ pattern: LANG_TAG_PATTERN, description: 'BCP 47; zh finds zh-Hans' })),
  },
  { additionalProperties: false },
);

/** A page of an audit trail. */
export const AuditPage = Page(AuditRecord);

/** Who the token is. */
export const Me = Type.Object({
  authenticated: Type.Boolean(),
  name: NullableString,
  role: NullableString,
  scopes: Type.Array(Type.String()),
});
