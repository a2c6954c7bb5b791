import type { LinkKind } from './link.js';

/**
 * Kinds of link that are twinning proper, which an exclusive twinning forbids its parties ("Only Paris is
 * worthy of Rome"). Every other kind is a partnership, which it allows: Paris keeps "partner cities" (villes
 * partenaires) beside its one twin town, Rome.
 */
export const TWINNING_PROPER: ReadonlySet<LinkKind> = new Set(['twin_town', 'sister_city']);

/**
 * How a link of a party to a live exclusive twinning stands against it: `allowed` for a partnership,
 * `breach` for a twinning proper, `undetermined` for a link whose kind no source states (an imported list
 * of "twin towns and sister cities" does not say which): stored, and flagged for a person to decide.
 */
export function exclusiveClash(kind: LinkKind | undefined): 'allowed' | 'breach' | 'undetermined' {
  if (kind === undefined) return 'undetermined';
  return TWINNING_PROPER.has(kind) ? 'breach' : 'allowed';
}

/** The prefix of the note a link flagged by exclusivity carries (what `twinning report conflicts` lists). */
export const CONFLICT_NOTE_PREFIX = 'Conflict:';

/** The note on a link that clashes with an exclusive twinning, naming the party, its exclusive partner and the source. */
export function exclusiveConflictNote(
  party: string,
  exclusivePartner: string,
  clash: 'breach' | 'undetermined',
  source: string,
): string {
  const what =
    clash === 'breach'
      ? 'this twinning breaches it'
      : 'this link, which the source lists without its kind, is either a partnership (allowed) or a twinning that breaches it';
  return `${CONFLICT_NOTE_PREFIX} ${party} is twinned exclusively with ${exclusivePartner}; ${what} (stated by ${source}). Set the link's kind to settle it.`;
}
