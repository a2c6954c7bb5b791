import type { Citation } from './source.js';
import type { PartialDate } from './partial-date.js';

/** Kinds of body that gather places: twinning associations, city-diplomacy networks, national bodies. */
export const ASSOCIATION_KINDS = [
  'twinning_association',
  'city_network',
  'national_association',
  'agency',
  'other',
] as const;
export type AssociationKind = (typeof ASSOCIATION_KINDS)[number];

/** A place's membership of an association, for a period. */
export interface Membership {
  localityKey: string;
  from?: PartialDate;
  to?: PartialDate;
  role?: string;
  citations: Citation[];
}

/** A body with many member places (the Douzelage, C40, Sister Cities International). */
export interface Association {
  id?: number;
  key: string;
  name: string;
  kind: AssociationKind;
  founded?: PartialDate;
  /** The country it works in, when national. */
  country?: string;
  notes?: string;
  citations: Citation[];
  members: Membership[];
}
