import { distanceKm, type Point } from '../src/core/geo.js';
import { collectRecords, placeKey, type Collected } from '../src/ingest/import/collect.js';
import { resolveCountry } from '../src/ingest/reconcile/country-resolver.js';
import { matchKey } from '../src/core/name-keys.js';
import { parsePlaceName } from '../src/ingest/reconcile/place-name.js';
import { openSource } from '../src/ingest/sources/open-source.js';
import type { SourcePlace } from '../src/ingest/sources/records.js';
import { importSources } from './import-sources.js';

/** What the shared source files themselves say, read straight from the files (not from a registry). */
export interface SourceFacts {
  /** Each source's places and statements, by source key, as the importer reads them. */
  bySource: Map<string, Collected>;
  /** Wikidata 2026's point and country code for each of its Q-ids. */
  qidFacts: Map<string, Point & { country?: string }>;
  /** Points the geocoded Wikipedia list gives several differently named places (a region's centre, a fallback). */
  sharedPoints: Set<string>;
  /**
   * The Q-id of the one Wikidata place that bears a name in a country (`name key|country`): among the Q-ids
   * Wikidata 2026 places, by their 2026 name or their 2016 label.
   */
  qidByName: Map<string, string>;
  /**
   * The geocoded list's qualified places by what their names say, taken apart (`aliasKey`): one place the list
   * writes in several ways ("Joniškis – Žagarė" on Lithuania's page, "Žagarė (Joniškis)" on its partners').
   */
  listAliases: Map<string, SourcePlace[]>;
  /** The places the geocoded list pairs each of its places with, by the place's key. */
  listPartners: Map<string, SourcePlace[]>;
}

/** Reads the four shared files. */
export async function readSourceFacts(data: string): Promise<SourceFacts> {
  const bySource = new Map<string, Collected>();
  for (const s of importSources(data)) bySource.set(s.key, await collectRecords(openSource(s)));
  const qidFacts = new Map<string, Point & { country?: string }>();
  for (const p of bySource.get('wikidata-2026')!.places.values())
    if (p.wikidataId && p.lat !== undefined && p.lon !== undefined)
      qidFacts.set(p.wikidataId, {
        lat: p.lat,
        lon: p.lon,
        ...(p.countryCode ? { country: p.countryCode } : {}),
      });
  const namesAt = new Map<string, Set<string>>();
  for (const p of bySource.get('wikipedia-lists-geocoded')!.places.values()) {
    if (p.lat === undefined || p.lon === undefined) continue;
    const at = pointKey(p);
    namesAt.set(at, (namesAt.get(at) ?? new Set()).add(nameKey(p)));
  }
  const sharedPoints = new Set([...namesAt].filter(([, names]) => names.size > 1).map(([at]) => at));
  // Wikidata's names of a Q-id that 2026 places: its 2026 name ("Puebla City") and its 2016 label ("Puebla").
  const byName = new Map<string, Set<string>>();
  const add = (k: string, qid: string): void => void byName.set(k, (byName.get(k) ?? new Set()).add(qid));
  for (const p of bySource.get('wikidata-2026')!.places.values())
    add(`${nameKey(p)}|${p.countryCode}`, p.wikidataId!);
  for (const p of bySource.get('wikidata-2016')!.places.values()) {
    const at = p.wikidataId ? qidFacts.get(p.wikidataId) : undefined;
    if (at?.country) add(`${nameKey(p)}|${at.country}`, p.wikidataId!);
  }
  const qidByName = new Map([...byName].filter(([, qs]) => qs.size === 1).map(([k, qs]) => [k, [...qs][0]!]));
  const listed = bySource.get('wikipedia-lists-geocoded')!;
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const listAliases = new Map<string, SourcePlace[]>();
  for (const p of listed.places.values()) {
    const k = aliasKey(p);
    if (k !== undefined) push(listAliases, k, p);
  }
  const listPartners = new Map<string, SourcePlace[]>();
  for (const st of listed.statements) {
    push(listPartners, st.subject, listed.places.get(st.object)!);
    push(listPartners, st.object, listed.places.get(st.subject)!);
  }
  return { bySource, qidFacts, sharedPoints, qidByName, listAliases, listPartners };
}

/**
 * What a qualified list name says, taken apart: its stated country, its name and its qualifiers, each by match
 * key, the qualifiers in any order ("Joniškis – Žagarė" and "Žagarė (Joniškis)", Lithuania, say the same);
 * undefined for a name without qualifiers (such names say the same only when written alike) or a country.
 */
export function aliasKey(p: SourcePlace): string | undefined {
  const parsed = parsePlaceName(p.name);
  const country = statedCountry(p)?.country;
  if (parsed.hints.length === 0 || country === undefined) return undefined;
  const hints = parsed.hints.map((h) => matchKey(h)).sort();
  return `${country}|${matchKey(parsed.base)}|${hints.join('|')}`;
}

/** The geocoded list's other spellings of a qualified list place (`aliasKey`), not the place itself. */
export function listAliasesOf(p: SourcePlace, facts: SourceFacts): SourcePlace[] {
  const k = aliasKey(p);
  if (k === undefined) return [];
  const own = placeKey(p);
  return (facts.listAliases.get(k) ?? []).filter((q) => placeKey(q) !== own);
}

/** A point's identity to four decimals. */
export function pointKey(p: { lat?: number; lon?: number }): string {
  return `${p.lat?.toFixed(4)},${p.lon?.toFixed(4)}`;
}

/** A place's name as compared for namesakes: its match key without qualifiers. */
export function nameKey(p: SourcePlace): string {
  return matchKey(parsePlaceName(p.name).base);
}

/** The country a place's source gives, with the subdivision its country string names ("GB-ENG"). */
export function statedCountry(p: SourcePlace): { country: string; subdivision?: string } | undefined {
  const text = p.country ? resolveCountry(p.country) : undefined;
  const country = p.countryCode ?? text?.country;
  if (country === undefined) return undefined;
  return { country, ...(text?.subdivision ? { subdivision: text.subdivision } : {}) };
}

/**
 * Whether two places a source names alike are certainly two places: different Q-ids, or countries (or the
 * subdivisions their country strings name) that differ.
 */
export function distinctPlaces(a: SourcePlace, b: SourcePlace): boolean {
  if (a.wikidataId && b.wikidataId) return a.wikidataId !== b.wikidataId;
  const ca = statedCountry(a);
  const cb = statedCountry(b);
  if (ca === undefined || cb === undefined) return false;
  if (ca.country !== cb.country) return true;
  return ca.subdivision !== undefined && cb.subdivision !== undefined && ca.subdivision !== cb.subdivision;
}

/**
 * The best independent evidence of where a source's place lies: Wikidata 2026's point for its Q-id, or for the one
 * 2026 place of its name in its stated country, else the list's own point.
 */
export function evidencePoint(p: SourcePlace, facts: SourceFacts, byName = true): Point | undefined {
  const byQid = p.wikidataId ? facts.qidFacts.get(p.wikidataId) : undefined;
  if (byQid) return byQid;
  const named = byName ? wikidataTwin(p, facts) : undefined;
  if (named) return facts.qidFacts.get(named);
  // The raw list names the same places as the geocoded one, without points.
  const at =
    p.lat === undefined ? facts.bySource.get('wikipedia-lists-geocoded')!.places.get(placeKey(p)) : p;
  if (at?.lat === undefined || at.lon === undefined || facts.sharedPoints.has(pointKey(at))) return undefined;
  return { lat: at.lat, lon: at.lon };
}

/** Kilometres between a locality's point and a point, or undefined when the locality has none. */
export function kmFrom(loc: { lat: number | null; lon: number | null }, p: Point): number | undefined {
  return loc.lat === null || loc.lon === null ? undefined : distanceKm({ lat: loc.lat, lon: loc.lon }, p);
}

/**
 * The Wikidata 2026 place a list's place is, read off the files alone: the one 2026 place of that name in the
 * country the list states, by its 2026 name or its 2016 label (the lists' "Puebla" is Q125293, which 2026
 * names "Puebla City" and 2016 "Puebla"; Wikidata's coordinates are surer than the list's geocoding). None for a
 * name the list qualifies ("Friedberg, Hesse", "Yuhang (Hangzhou)"): the qualifier says the country has several places
 * of the bare name, so the one Wikidata 2026 lists (Friedberg in Bavaria) is no evidence of which it is.
 */
export function wikidataTwin(p: SourcePlace, facts: SourceFacts): string | undefined {
  if (p.wikidataId) return p.wikidataId;
  if (parsePlaceName(p.name).hints.length > 0) return undefined;
  const country = statedCountry(p)?.country;
  return country === undefined ? undefined : facts.qidByName.get(`${nameKey(p)}|${country}`);
}

/**
 * ISO 3166-1 codes that ISO 3166-2 lists again as a subdivision of another country (Åland is FI-01, Réunion
 * FR-RE, Puerto Rico US-PR, Hong Kong CN-HK), with that country: a source may name either ("Mariehamn,
 * Finland" lies in AX by GeoNames).
 */
const PART_OF: Readonly<Record<string, string>> = {
  AX: 'FI',
  ...Object.fromEntries(
    ['BL', 'GF', 'GP', 'MF', 'MQ', 'NC', 'PF', 'PM', 'RE', 'TF', 'WF', 'YT'].map((c) => [c, 'FR']),
  ),
  ...Object.fromEntries(['AS', 'GU', 'MP', 'PR', 'UM', 'VI'].map((c) => [c, 'US'])),
  ...Object.fromEntries(['AW', 'BQ', 'CW', 'SX'].map((c) => [c, 'NL'])),
  HK: 'CN',
  MO: 'CN',
  SJ: 'NO',
};

/**
 * Whether a place in country `code` lies in the country a source states: the same code, or a territory ISO
 * 3166-2 lists as part of it (not the other way: "Saint-Denis, Réunion, France" is not the one near Paris).
 */
export function inStatedCountry(code: string, stated: string): boolean {
  return code === stated || PART_OF[code] === stated;
}
