import type { normalizeCountry } from '../../core/country.js';
import { TwinningError } from '../../core/errors.js';
import { LINK_KINDS, type LinkKind } from '../../core/link.js';
import { earliestDay, parsePartialDate } from '../../core/partial-date.js';
import type { NetworkQuery } from './input.js';

/** A network selection as text, the way the CLI's options and the API's query string give it. */
export interface NetworkQueryText {
  asOf?: string;
  /** Comma-separated link kinds. */
  kind?: string;
  /** Comma-separated ISO 3166-1 codes. */
  country?: string;
  /** Comma-separated source keys. */
  source?: string;
}

const list = (text: string | undefined): string[] | undefined =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

const KNOWN_KINDS: ReadonlySet<string> = new Set(LINK_KINDS);

/** A link kind named in a selection; InvalidInput listing the kinds for one the registry does not know. */
function linkKind(kind: string, field: string): LinkKind {
  if (KNOWN_KINDS.has(kind)) return kind as LinkKind;
  throw new TwinningError('InvalidInput', `unknown link kind; one of ${LINK_KINDS.join(', ')}`, { field });
}

/**
 * Reads and checks a network selection; a bad value throws naming its field as `fieldOf` spells it. Countries are
 * checked by `checkCountry` (core/country.ts's normalizeCountry), handed in so that a caller that names no country
 * need not load the country tables.
 */
export function parseNetworkQuery(
  text: NetworkQueryText,
  fieldOf: (name: keyof NetworkQueryText) => string,
  checkCountry: typeof normalizeCountry | undefined,
): NetworkQuery {
  const countries = list(text.country);
  if (countries && checkCountry === undefined)
    throw new Error('parseNetworkQuery: countries given but no country check handed in');
  return {
    asOf: text.asOf === undefined ? undefined : parsePartialDate(text.asOf, fieldOf('asOf')),
    kinds: list(text.kind)?.map((kind) => linkKind(kind, fieldOf('kind'))),
    countries: countries?.map((c) => checkCountry!(c, fieldOf('country'))),
    sources: list(text.source),
  };
}

/** A stable text for a network query, for cache keys. */
export function describeQuery(query: NetworkQuery): string {
  return JSON.stringify({
    asOf: query.asOf ? earliestDay(query.asOf) : null,
    kinds: [...(query.kinds ?? [])].sort(),
    countries: [...(query.countries ?? [])].sort(),
    sources: [...(query.sources ?? [])].sort(),
    everFormed: query.everFormed ?? false,
  });
}
