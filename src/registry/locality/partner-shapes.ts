import { Type, type Static } from '@sinclair/typebox';
import { LINK_KINDS } from '../../core/link.js';
import { LINK_STATUSES } from '../../core/link-lifecycle.js';
import { Nullable, NullableString, StringEnum } from '../../core/shapes.js';

// The shapes of a locality's partners at a date, apart from the code that reads them (partners.ts), so that a
// command that only prints them (`twinning locality`) does not load TypeBox to build schemas it never uses.

/** A locality as a list of places shows it at a date: which it is, where it lies, and the name it bore then. */
export const LocalityAtDate = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  kind: Type.String(),
  country: NullableString,
  /** The first-level subdivision it lies in, where known (Illinois): namesakes told apart. */
  region: NullableString,
  /** The name it bore at the date (its main name when no date is asked). */
  name: Type.String(),
});
export type LocalityAtDate = Static<typeof LocalityAtDate>;

/** A locality as shown at a date: the name it bore then, and every name valid then (every name, without a date). */
export const LocalitySummary = Type.Object({
  ...LocalityAtDate.properties,
  namesAtDate: Type.Array(Type.Object({ name: Type.String(), lang: Type.String() })),
});
export type LocalitySummary = Static<typeof LocalitySummary>;

/**
 * One partner of a locality at a date; `latest` is the latest event by the date (`explored` for a link under
 * consideration). The partner is shown by the name it bore then; its other names are in its own detail.
 */
export const PartnerView = Type.Object({
  linkId: Type.Integer(),
  partner: LocalityAtDate,
  kind: Nullable(StringEnum(LINK_KINDS)),
  status: StringEnum(LINK_STATUSES),
  since: NullableString,
  cause: NullableString,
  exclusive: Type.Boolean(),
  latest: Nullable(Type.Object({ type: Type.String(), date: Type.String() })),
});
export type PartnerView = Static<typeof PartnerView>;

/**
 * A locality's partners at a date: those known to have been formed by then (with their status), apart from
 * them those that sources list without any date that reaches back to then (`undated`, status `unknown`), and
 * the links then only being explored or proposed.
 */
export const PartnerLists = Type.Object({
  asOf: NullableString,
  partners: Type.Array(PartnerView, {
    description: 'Links known to have been formed by the date, each with its status then',
  }),
  undated: Type.Array(PartnerView, {
    description:
      'Links that sources list without a date reaching back to the date asked (status unknown): not known to be in force then',
  }),
  underConsideration: Type.Array(PartnerView),
});
export type PartnerLists = Static<typeof PartnerLists>;

/** A locality with every name valid at a date, and its partners then (`twinning locality`). */
export const LocalityPartners = Type.Object({ locality: LocalitySummary, ...PartnerLists.properties });
export type LocalityPartners = Static<typeof LocalityPartners>;
