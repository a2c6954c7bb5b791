import type { SourcePlace } from '../records.js';
import { resolveCountry, type CountryResolution } from './country-resolver.js';
import { coreKey, matchKey } from './name-keys.js';
import { parsePlaceName, type ParsedPlaceName } from './place-name.js';

/** A source's place ready for lookups: its parsed name, country, and the keys to look up. */
export interface PreparedPlace {
  place: SourcePlace;
  parsed: ParsedPlaceName;
  country?: CountryResolution;
  /** Exact-name keys (the name's match key) and looser ones (core key, the name as written). */
  nameKeys: string[];
  looseKeys: string[];
  /** Match keys of the qualifiers, to locate them. */
  hintKeys: string[];
}

function countryOf(place: SourcePlace, parsed: ParsedPlaceName): CountryResolution | undefined {
  if (place.countryCode) {
    const fromText = place.country ? resolveCountry(place.country) : undefined;
    const code = place.countryCode;
    return {
      country: code,
      searchCountries: [code],
      method: 'code',
      ...(fromText?.subdivision ? { subdivision: fromText.subdivision } : {}),
    };
  }
  if (place.country) return resolveCountry(place.country);
  const last = parsed.hints[parsed.hints.length - 1];
  const fromHint = last === undefined ? undefined : resolveCountry(last);
  if (fromHint && fromHint.method !== 'fuzzy') parsed.hints.pop();
  return fromHint;
}

/** Parses a source's place for matching: name and qualifiers, country string, lookup keys. */
export function preparePlace(place: SourcePlace): PreparedPlace {
  const parsed = parsePlaceName(place.name);
  const country = countryOf(place, parsed);
  const key = matchKey(parsed.base);
  const loose = [coreKey(key), matchKey(parsed.written)].filter((k) => k !== key && k !== '');
  return {
    place,
    parsed,
    country,
    nameKeys: key === '' ? [] : [key],
    looseKeys: [...new Set(loose)],
    hintKeys: parsed.hints.map((h) => matchKey(h)).filter((k) => k !== ''),
  };
}
