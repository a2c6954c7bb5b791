import type { LocalityKind } from '../../core/locality.js';
import { foldText } from '../../core/text-fold.js';

/** A source's place name taken apart: the name itself, qualifiers that hint where it is, and what kind it says it is. */
export interface ParsedPlaceName {
  /** The name without qualifiers ("Guro" from "Guro (Seoul)"). */
  base: string;
  /** Qualifiers naming a place it lies in ("Seoul", "Cambridgeshire", "Saale"). */
  hints: string[];
  /** The kind a qualifier or a trailing word names ("district" from "Lahn-Dill (district)"). */
  kind?: LocalityKind;
  /** The name exactly as written. */
  written: string;
}

/** Qualifier words that name a kind of place, folded, with the kind they mean. */
const KIND_WORDS: Readonly<Record<string, LocalityKind>> = {
  district: 'district',
  'rural district': 'district',
  'urban district': 'district',
  borough: 'district',
  county: 'county',
  'rural gmina': 'municipality',
  'urban gmina': 'municipality',
  gmina: 'municipality',
  municipality: 'municipality',
  commune: 'municipality',
  city: 'city',
  town: 'town',
  village: 'village',
  region: 'region',
  province: 'province',
  prefecture: 'prefecture',
  state: 'state',
  oblast: 'region',
  raion: 'district',
  rayon: 'district',
  'city district': 'district',
  country: 'country',
  island: 'other',
};

/** Trailing words that name a kind ("Oświęcim County", "Călărași District"). */
const TRAILING_KIND: Readonly<Record<string, LocalityKind>> = {
  county: 'county',
  district: 'district',
  municipality: 'municipality',
  prefecture: 'prefecture',
  province: 'province',
  region: 'region',
  oblast: 'region',
  governorate: 'province',
  voivodeship: 'province',
  borough: 'district',
  raion: 'district',
  rayon: 'district',
};

/** Leading words that name a kind ("Borough of Kirklees", "Landkreis Rosenheim", "County Cork", "Provinz Saragossa"). */
const LEADING_KIND: Readonly<Record<string, LocalityKind>> = {
  'borough of': 'district',
  'district of': 'district',
  'municipality of': 'municipality',
  'shire of': 'district',
  'county of': 'county',
  county: 'county',
  landkreis: 'district',
  kreis: 'district',
  gmina: 'municipality',
  powiat: 'county',
  comune: 'municipality',
  municipio: 'municipality',
  // German labels (Wikidata 2016's): "Provinz Saragossa", "Oblast Moskau", "Präfektur Tokio".
  provinz: 'province',
  oblast: 'region',
  prafektur: 'prefecture',
};

function kindOfQualifier(text: string): LocalityKind | undefined {
  return KIND_WORDS[foldText(text)];
}

/**
 * Takes qualifiers off a name: in brackets ("Guro (Seoul)"), after a comma ("Salisbury, North Carolina"),
 * or before a spaced dash ("Tokyo – Shinagawa").
 */
export function parsePlaceName(written: string): ParsedPlaceName {
  const hints: string[] = [];
  let kind: LocalityKind | undefined;
  let base = written.replace(/\s*[([]([^)\]]*)[)\]]/g, (_, inner: string) => {
    const q = inner.trim();
    const k = kindOfQualifier(q);
    if (k) kind ??= k;
    else if (q !== '') hints.push(q);
    return ' ';
  });
  const dashed = base
    .split(/\s+[–—-]\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (dashed.length > 1) {
    base = dashed[dashed.length - 1]!;
    for (const part of dashed.slice(0, -1)) hints.push(part); // a loop: a spread's arguments live on the stack
  }
  const comma = base
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (comma.length > 1) {
    base = comma[0]!;
    for (const part of comma.slice(1)) hints.push(part);
  }
  base = base.replace(/\s+/g, ' ').trim() || written.trim();
  const words = foldText(base).split(' ');
  const last = words[words.length - 1] ?? '';
  if (kind === undefined && words.length > 1 && TRAILING_KIND[last]) kind = TRAILING_KIND[last];
  const lead = LEADING_KIND[words.slice(0, 2).join(' ')] ?? LEADING_KIND[words[0]!];
  if (kind === undefined && words.length > 1 && lead) kind = lead;
  return { base, hints, ...(kind ? { kind } : {}), written };
}
