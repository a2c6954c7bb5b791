import type { Citation } from './source.js';
import type { LifecycleEvent } from './link-lifecycle.js';

/** The kinds of agreement by which two places bind themselves. */
export const LINK_KINDS = [
  'twin_town',
  'sister_city',
  'partner_town',
  'friendship_city',
  'friendship_cooperation_city',
  'business_partner_city',
  'memorandum_of_understanding',
  'sister_port',
  'sister_province_or_state',
  'policy_agreement',
  'tuning_partnership',
  'adoption',
  'solidarity_link',
  'other',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Why two places twin, and what the link is for. */
export const LINK_PURPOSES = [
  'cultural',
  'commercial',
  'trade',
  'tourism',
  'policy',
  'reconciliation',
  'solidarity',
  'shared_name',
  'diaspora',
  'shared_industry',
  'university',
  'shared_history',
  'similar_demographics',
  'novelty',
  'political',
  'other',
] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** A twinning between two localities, with its lifecycle. Sides a and b carry no order of rank. */
export interface Link {
  id?: number;
  aKey: string;
  bKey: string;
  kind?: LinkKind;
  purposes: LinkPurpose[];
  /** Neither side may hold another active link while this one is active (Rome and Paris). */
  exclusive: boolean;
  notes?: string;
  unverified?: boolean;
  citations: Citation[];
  events: LifecycleEvent[];
}
