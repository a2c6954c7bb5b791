import type { LinkKind } from '../link.js';
import type { PartialDate } from '../partial-date.js';

/** How sure a fact of a rule is: read in the text, reported by a secondary source, inferred, or open. */
export const CERTAINTIES = ['certain', 'reported', 'inferred', 'unverified', 'contested'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** What a rule is: an enacted law, a bill not yet law, an executive directive, or a practice or policy. */
export const RULE_STATUSES = ['law', 'bill', 'directive', 'policy', 'association_rule'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** What a clause does to the links it touches. */
export const EFFECTS = [
  'prohibits_forming',
  'prohibits_maintaining',
  'must_end_by',
  'must_notify',
  'needs_approval',
  'exclusive',
  'one_per_country',
] as const;
export type Effect = (typeof EFFECTS)[number];

/** A date a rule rests on, how sure it is, other dates the sources give, and why. */
export interface RuleDate {
  date: PartialDate;
  certainty: Certainty;
  /** Other dates the sources give for the same thing (Rome and Paris: 30 January or 9 April 1956). */
  alternatives: PartialDate[];
  note?: string;
  cite: string[];
}

/** A source of a rule: its title, where it can be read, and a citation into the bundled sources. */
export interface RuleSource {
  title: string;
  url?: string;
  cite?: string;
}

/** Whom a rule binds: places in a jurisdiction, named places, or an association's members. */
export interface Binds {
  /** ISO 3166-1 or 3166-2 codes: a locality is bound when its country or subdivision is one of them. */
  jurisdictions: string[];
  /** Locality kinds left out (a country is not its own local government). */
  exceptKinds: string[];
  /** Named localities (Rome and Paris; San Francisco). */
  localities: string[];
  /** An association whose members are bound (the Douzelage). */
  associationMembers?: string;
  note?: string;
  cite: string[];
}

/** A reference to a country list, read at the evaluation date (dynamic) or frozen at `asOf`. */
export interface ListReference {
  /** The list's id or any citation it bears, old numbers included (`15 CFR 7.4`). */
  list: string;
  asOf?: PartialDate;
}

/** What a link must be for the rule to touch it. */
export interface Predicate {
  /** The partner's country is on a list at the date. */
  partnerCountryIn?: ListReference;
  /** The partner lies in another country than the bound side. */
  partnerForeign?: boolean;
  /** Only links of these kinds; a link of unknown kind is undetermined. */
  linkKinds?: LinkKind[];
  /** The link counts only if a national body recognises it; the registry does not record recognition. */
  recognisedBy?: { body: string; note: string; cite: string[] };
  /** The one partner an exclusive link allows (Rome for Paris, Paris for Rome), by locality key pairs. */
  exclusivePairs?: [string, string][];
}

/** One dated part of a rule, with its own effect, dates, deadline and citation. */
export interface Clause {
  id: string;
  effect: Effect;
  text: string;
  from?: RuleDate;
  to?: RuleDate;
  /** For must_end_by: the day the links must have ended. */
  deadline?: RuleDate;
  /** For must_end_by on a bill: days after enactment. */
  deadlineDaysAfterFrom?: number;
  /** The clause reaches only links formed before this date (existing ones); defaults to `from`. */
  formedBefore?: RuleDate;
  /** The clause reaches links formed before its start (true), after it (false), or all (undefined). */
  existing?: boolean;
  cite: string[];
  locator?: string;
}

/**
 * An exception a rule's text states. One with conditions (`when`) is evaluated: a link the rule would otherwise
 * reach that meets every condition is allowed, and the trace names the exception with its citation. One
 * without conditions is recorded for readers only (its note says why it cannot be evaluated).
 */
export interface RuleException {
  id: string;
  text: string;
  when?: {
    /** The bound side is of one of these kinds (Indiana's bar binds local units, not the state itself). */
    boundKinds?: string[];
    /** The link is of one of these kinds (Paris's partner cities are not twin towns). */
    linkKinds?: LinkKind[];
    /** The bound side is one of these localities. */
    localities?: string[];
  };
  note?: string;
  cite: string[];
}

/** A question of reading the text that is open, and the readings. */
export interface Interpretation {
  question: string;
  /** The clause whose reach is contested; a link in that reach gets the verdict `contested`. */
  clause: string;
  /** The reach in question: links formed before the clause's start. */
  reach: 'existing_links';
  readings: string[];
  cite: string[];
}

/** A decision taken under a rule about named links (Australia cancelling Victoria's arrangements). */
export interface Decision {
  id: string;
  date: PartialDate;
  effect: 'cancelled';
  by: string;
  pairs: [string, string][];
  note?: string;
  cite: string[];
}

/** A law, bill, directive or policy on twinning, as data. */
export interface Rule {
  id: string;
  title: string;
  jurisdiction: string;
  status: RuleStatus;
  act: string;
  citation: string;
  sources: RuleSource[];
  binds: Binds;
  predicate: Predicate;
  clauses: Clause[];
  exceptions: RuleException[];
  interpretations: Interpretation[];
  decisions: Decision[];
  notes?: string;
  cite: string[];
  /** Where the rule was read from (file:line), for messages. */
  origin?: string;
}

/** How complete a list is: every member named, members named plus designations not recorded, or partial. */
export type Completeness = 'complete' | 'open' | 'partial';

/** A member of a country list, with its dates and how sure it is. */
export interface ListEntry {
  country: string;
  from?: PartialDate;
  to?: PartialDate;
  certainty: Certainty;
  note?: string;
  cite: string[];
}

/** A list of countries a law names by reference, kept with its own citations and dates. */
export interface CountryList {
  id: string;
  title: string;
  citation: string;
  /** Former citations of the same list (a renumbered section), each still resolving to it. */
  aliases: { citation: string; note?: string; cite: string[] }[];
  /** dynamic: the list as amended at each date; frozen: fixed at one date by whoever cites it. */
  mode: 'dynamic' | 'frozen';
  completeness: Completeness;
  completenessNote?: string;
  sources: RuleSource[];
  entries: ListEntry[];
  cite: string[];
}

/** Rules and the country lists they name, as one set. */
export interface RuleSet {
  rules: Rule[];
  lists: CountryList[];
}
