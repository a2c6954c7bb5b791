import type { LocalityKind } from '../../core/locality.js';
import type { SourcePlace } from '../sources/records.js';
import { resolveCountry, type CountryResolution } from './country-resolver.js';
import { bareKey, coreKey, matchKey, seatKey } from '../../core/name-keys.js';
import { parsePlaceName, type ParsedPlaceName } from './place-name.js';

/** A source's place ready for lookups: its parsed name, country, and the keys to look up. */
export interface PreparedPlace {
  place: SourcePlace;
  parsed: ParsedPlaceName;
  country?: CountryResolution;
  /** Exact-name keys (the name's match key, a numbered qualifier) and looser ones (core key, the name as written). */
  nameKeys: string[];
  looseKeys: string[];
  /** Match keys of the qualifiers, to locate them. */
  hintKeys: string[];
  /**
   * The name says it is an administrative unit ("Lahn-Dill (district)", "Landkreis Rosenheim",
   * "Borough of Kirklees"): a town of its name is its seat, not the place itself.
   */
  adminUnit: boolean;
  /**
   * The unit's word is part of the name itself ("Greater Sudbury", "Mercer Island"): a gazetteer place
   * of that whole name is the place, not its seat (as it is for "Lahn-Dill (district)").
   */
  unitInName: boolean;
  /** Keys of the places a merged or double name is made of ("Blankenfelde-Mahlow" → blankenfelde, mahlow), in order. */
  componentKeys: string[];
  /** Names that may be subdivisions: the name itself and its numbered qualifiers ("Prague 16" of "Prague 16 – Radotín"). */
  regionNames: string[];
}

/** Kinds of administrative unit that are often named after their seat. */
const ADMIN_KINDS: ReadonlySet<LocalityKind> = new Set([
  'district',
  'county',
  'municipality',
  'region',
  'province',
  'prefecture',
]);

/** A qualifier carrying a district number names the district itself ("Budapest XII", "Prague 16", "Vienna 9"). */
const NUMBERED = /(?:^|\s)(?:[IVXL]{1,6}|\d{1,2})\.?$/;

/** Parts of a name that are no place of their own. */
const NOT_A_PART =
  /^(saint|sainte|san|santa|sao|la|le|les|los|las|de|del|des|du|di|en|sur|sous|bad|am|an|im|in)$/;

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

/** Words that join one name to a river or region ("Leuze-en-Hainaut", "Frankfurt-am-Main"): one place, not two. */
const JOINING = /^(en|sur|sous|les|lez|la|le|de|du|des|di|am|an|im|in|upon|on|nad|pod|u)$/;

/**
 * The places a name joined by hyphens is made of, when it has two or three parts ("Ikast-Brande",
 * "Aix-Villemaur-Pâlis"); none for a name joined by a connector ("Leuze-en-Hainaut" is Leuze).
 */
function componentsOf(base: string): string[] {
  const parts = base.split(/-/).map((part) => coreKey(matchKey(part)));
  if (parts.length < 2 || parts.some((k) => JOINING.test(k))) return [];
  return parts.length > 3
    ? []
    : parts.filter((k) => k.length >= 4 && !NOT_A_PART.test(k) && !/^\d+$/.test(k));
}

/** Parses a source's place for matching: name and qualifiers, country string, lookup keys. */
export function preparePlace(place: SourcePlace): PreparedPlace {
  const parsed = parsePlaceName(place.name);
  const country = countryOf(place, parsed);
  const key = matchKey(parsed.base);
  const numbered = parsed.hints.filter((h) => NUMBERED.test(h.trim()));
  const seat = seatKey(key);
  const adminUnit = seat !== undefined || (parsed.kind !== undefined && ADMIN_KINDS.has(parsed.kind));
  // "Mogente/Moixent", "Albula/Alvra": one place under two names.
  const alternatives = parsed.base.includes('/') ? parsed.base.split('/').map((n) => matchKey(n)) : [];
  const nameKeys = [key, ...numbered.map((h) => matchKey(h))].filter((k) => k !== '');
  const loose = [coreKey(key), bareKey(key), matchKey(parsed.written), seat ?? '', ...alternatives];
  return {
    place,
    parsed,
    country,
    nameKeys: [...new Set(nameKeys)],
    looseKeys: [...new Set(loose)].filter((k) => k !== '' && !nameKeys.includes(k)),
    hintKeys: parsed.hints.map((h) => matchKey(h)).filter((k) => k !== ''),
    adminUnit,
    unitInName: seat !== undefined,
    componentKeys: parsed.base.includes('/') ? [] : componentsOf(parsed.base),
    regionNames: [parsed.base, ...numbered],
  };
}
