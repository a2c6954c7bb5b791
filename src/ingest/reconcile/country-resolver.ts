import countries from 'i18n-iso-countries';
import { HISTORICAL_OR_DISPUTED_STATES } from '../../core/country.js';
import { editAllowance, editDistance } from './edit-distance.js';
import { matchKey } from '../../core/name-keys.js';
import { bearsWholeName, findSubdivisions } from './subdivisions.js';

/** What a source's country string means. */
export interface CountryResolution {
  /** The code the registry records: ISO 3166-1 alpha-2 or a historical state's code. */
  country: string;
  /** Countries whose gazetteer places may match, best first (a former state's successors). */
  searchCountries: string[];
  /** An ISO 3166-2 subdivision the string names ("England, United Kingdom" → GB-ENG). */
  subdivision?: string;
  /** A region named in the string that is not a subdivision code ("Algarve, Portugal" → Algarve). */
  hint?: string;
  method: 'code' | 'name' | 'alias' | 'subdivision' | 'historical' | 'fuzzy';
}

/** Names that i18n-iso-countries lacks: old, informal, or the lists' own spellings. */
const ALIASES: Readonly<Record<string, string>> = {
  'georgia country': 'GE',
  'republic of ireland': 'IE',
  'east timor': 'TL',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  'bosnia and hercegovina': 'BA',
  moldavia: 'MD',
  surinam: 'SR',
  burma: 'MM',
  zaire: 'CD',
  ceylon: 'LK',
  swaziland: 'SZ',
  macedonia: 'MK',
  holland: 'NL',
  czechia: 'CZ',
  'northern cyprus': 'CY',
  'turkish republic of northern cyprus': 'CY',
  'west bank': 'PS',
  'gaza strip': 'PS',
  palestine: 'PS',
  'federated states of micronesia': 'FM',
  micronesia: 'FM',
  kosovo: 'XK',
  'west germany': 'DE',
  'federal republic of germany': 'DE',
  'south korea': 'KR',
  'north korea': 'KP',
  taiwan: 'TW',
  vatican: 'VA',
  'vatican city': 'VA',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'russian federation': 'RU',
  'great britain': 'GB',
  britain: 'GB',
  usa: 'US',
  america: 'US',
  'falkland islands': 'FK',
  macau: 'MO',
  laos: 'LA',
  syria: 'SY',
  brunei: 'BN',
  artsakh: 'XA',
  'nagorno karabakh': 'XA',
  transnistria: 'MD',
  abkhazia: 'GE',
  'south ossetia': 'GE',
};

/** Former states: the registry code, and the states whose places their towns are now. */
const HISTORICAL: Readonly<Record<string, { code: string; successors: string[] }>> = {
  'soviet union': {
    code: 'SU',
    successors: ['RU', 'UA', 'BY', 'GE', 'AM', 'AZ', 'KZ', 'UZ', 'TM', 'KG', 'TJ', 'MD', 'LT', 'LV', 'EE'],
  },
  ussr: {
    code: 'SU',
    successors: ['RU', 'UA', 'BY', 'GE', 'AM', 'AZ', 'KZ', 'UZ', 'TM', 'KG', 'TJ', 'MD', 'LT', 'LV', 'EE'],
  },
  yugoslavia: { code: 'YU', successors: ['RS', 'HR', 'SI', 'BA', 'MK', 'ME', 'XK'] },
  czechoslovakia: { code: 'CS', successors: ['CZ', 'SK'] },
  'east germany': { code: 'DD', successors: ['DE'] },
  'german democratic republic': { code: 'DD', successors: ['DE'] },
  'serbia and montenegro': { code: 'RS', successors: ['RS', 'ME', 'XK'] },
};

let names: Map<string, string> | undefined;

/** Folded country names in every language i18n-iso-countries knows (English first), to alpha-2 codes. */
function countryNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const langs = ['en', ...countries.getSupportedLanguages().filter((l) => l !== 'en')];
  for (const lang of langs) {
    for (const [code, list] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of list) if (!names.has(matchKey(name))) names.set(matchKey(name), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) names.set(alias, code);
  for (const [code, { name }] of Object.entries(HISTORICAL_OR_DISPUTED_STATES))
    if (!names.has(matchKey(name))) names.set(matchKey(name), code);
  return names;
}

function fuzzyCountry(key: string): string | undefined {
  const limit = key.length >= 4 ? Math.max(1, editAllowance(key.length)) : 0;
  let best: { code: string; d: number } | undefined;
  for (const [name, code] of countryNames()) {
    const d = editDistance(key, name, limit);
    if (d <= limit && (best === undefined || d < best.d)) best = { code, d };
  }
  return best?.code;
}

/** Resolves one country name without commas: a code, a name, an alias, a former state, a subdivision, a typo. */
function resolveOne(text: string, fuzzy = true): CountryResolution | undefined {
  const key = matchKey(text.replace(/^in\s+/i, ''));
  if (key === '') return undefined;
  if (/^[a-z]{2}$/.test(key) && countries.isValid(key.toUpperCase())) {
    return { country: key.toUpperCase(), searchCountries: [key.toUpperCase()], method: 'code' };
  }
  const historical = HISTORICAL[key];
  if (historical)
    return { country: historical.code, searchCountries: historical.successors, method: 'historical' };
  const code = countryNames().get(key) ?? countryNames().get(key.replace(/ country$/, ''));
  if (code) return { country: code, searchCountries: [code], method: ALIASES[key] ? 'alias' : 'name' };
  const level1 = findSubdivisions(text).filter((s) => s.level === 1);
  const whole = level1.filter((s) => bearsWholeName(s, text));
  const sub = whole.length > 0 ? whole : level1;
  if (sub.length === 1)
    return {
      country: sub[0]!.country,
      searchCountries: [sub[0]!.country],
      subdivision: sub[0]!.code,
      method: 'subdivision',
    };
  const guess = fuzzy ? fuzzyCountry(key) : undefined;
  return guess ? { country: guess, searchCountries: [guess], method: 'fuzzy' } : undefined;
}

/** The country a text names exactly (a code, a name in any language, an alias), with no guessing at typos. */
export function exactCountry(text: string): CountryResolution | undefined {
  const found = resolveOne(text, false);
  return found && found.method !== 'subdivision' ? found : undefined;
}

const memo = new Map<string, CountryResolution | undefined>();

/**
 * What a country string means: "Germany" → DE; "England, United Kingdom" → GB with GB-ENG;
 * "Réunion, France" → RE (searching RE then FR); "New York, United States" → US with US-NY;
 * "Georgia (country)" → GE; "Soviet Union" → SU searching its successors; "Grece" → GR.
 * Undefined when nothing fits.
 */
export function resolveCountry(text: string): CountryResolution | undefined {
  if (memo.has(text)) return memo.get(text);
  const found = resolveUncached(text);
  memo.set(text, found);
  return found;
}

function resolveUncached(text: string): CountryResolution | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return parts[0] === undefined ? undefined : resolveOne(parts[0]);
  const outer = resolveOne(parts[parts.length - 1]!);
  const inner = parts.slice(0, -1).join(', ');
  const asCountry = resolveOne(inner);
  if (
    asCountry &&
    asCountry.method !== 'subdivision' &&
    asCountry.method !== 'fuzzy' &&
    outer &&
    asCountry.country !== outer.country
  ) {
    return { ...asCountry, searchCountries: [...asCountry.searchCountries, outer.country] };
  }
  if (!outer) return asCountry;
  const sub = findSubdivisions(inner, outer.searchCountries).find((s) => s.scheme === 'iso');
  if (sub) return { ...outer, subdivision: sub.code };
  return { ...outer, hint: inner };
}
