import { countries as countryFacts } from 'countries-list';
// The library's bare index and its English names only: its default entry loads every language's names (~100 files).
import countries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { TwinningError } from './errors.js';

countries.registerLocale(english);

/**
 * States that no longer exist or whose status is disputed, with the codes this registry uses for them.
 * ISO 3166-3 keeps four-letter codes for former states; the registry keeps their old alpha-2 codes,
 * and uses the user-assigned range (X*) for states with no ISO code at all.
 */
export const HISTORICAL_OR_DISPUTED_STATES: Readonly<Record<string, { name: string; note: string }>> = {
  SU: { name: 'Soviet Union', note: 'former state (ISO 3166-3 SUHH), dissolved 1991' },
  YU: { name: 'Yugoslavia', note: 'former state (ISO 3166-3 YUCS)' },
  CS: { name: 'Czechoslovakia', note: 'former state (ISO 3166-3 CSHH), dissolved 1993' },
  DD: { name: 'East Germany', note: 'former state (ISO 3166-3 DDDE), reunified 1990' },
  XA: { name: 'Artsakh', note: 'unrecognised republic; user-assigned code, no ISO code exists' },
  XK: { name: 'Kosovo', note: 'user-assigned code in common use' },
};

/** The continent (AF AN AS EU NA OC SA) of the registry's historical or disputed states. */
const HISTORICAL_CONTINENTS: Readonly<Record<string, string>> = {
  SU: 'EU',
  YU: 'EU',
  CS: 'EU',
  DD: 'EU',
  XA: 'AS',
  XK: 'EU',
};

/** The continent code (AF AN AS EU NA OC SA) of a country, from the countries-list data; undefined when unknown. */
export function continentOf(code: string): string | undefined {
  return (
    HISTORICAL_CONTINENTS[code] ??
    (countryFacts as Record<string, { continent: string } | undefined>)[code]?.continent
  );
}

/** True for an ISO 3166-1 alpha-2 code or one of the registry's historical or disputed state codes. */
export function isKnownCountry(code: string): boolean {
  return code in HISTORICAL_OR_DISPUTED_STATES || countries.isValid(code);
}

/** Checks and upper-cases a country code; throws InvalidCountry naming the field. */
export function normalizeCountry(code: string, field = 'country'): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || !isKnownCountry(upper)) {
    throw new TwinningError(
      'InvalidCountry',
      `"${code}" is not an ISO 3166-1 alpha-2 code nor a known historical state (${Object.keys(HISTORICAL_OR_DISPUTED_STATES).join(', ')})`,
      { field },
    );
  }
  return upper;
}

/** The English name of a country code, or the code itself when none is known. */
export function countryName(code: string): string {
  return HISTORICAL_OR_DISPUTED_STATES[code]?.name ?? countries.getName(code, 'en') ?? code;
}
