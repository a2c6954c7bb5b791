import { foldText } from './text-fold.js';

/** Words that abbreviate or translate one another in place names; each maps to one spelling. */
const CANONICAL_WORDS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['sankt', 'saint'],
  ['mt', 'mount'],
  ['ft', 'fort'],
  ['pt', 'port'],
]);

/**
 * Words that name an administrative unit rather than a settlement: a unit so named is usually named
 * after its seat ("Landkreis Rosenheim", "Borough of Kirklees", "Gmina Lubicz", "Oświęcim County",
 * "Greater Bendigo", "Kish Island"), and a match to the town of that name is a `seat` match.
 */
export const ADMIN_UNIT_WORDS: ReadonlySet<string> = new Set([
  'municipality',
  'municipal',
  'district',
  'county',
  'borough',
  'metropolitan',
  'gmina',
  'commune',
  'kommune',
  'kommun',
  'gemeente',
  'okres',
  'jaras',
  'municipio',
  'comune',
  'landkreis',
  'kreis',
  'gemeinde',
  'rural',
  'urban',
  'powiat',
  'ward',
  'township',
  'parish',
  'shire',
  'raion',
  'rayon',
  'okrug',
  'cercle',
  'greater',
  'island',
  'islands',
  'atoll',
  'department',
  'departamento',
  'departement',
  'bezirk',
  'stadtkreis',
  'kanton',
  'canton',
  'province',
  'provincia',
  'provinz',
  'prefecture',
  'prafektur',
  'region',
  'oblast',
  'krai',
  'kray',
  'voivodeship',
  'regierungsbezirk',
]);

/**
 * Unit words that name a place in their own right too often to be dropped from gazetteer names
 * ("Greater Noida" is not Noida, "Pender Island" is a town): used for seat keys only.
 */
const SEAT_ONLY_WORDS: ReadonlySet<string> = new Set(['greater', 'island', 'islands', 'atoll', 'cercle']);

/**
 * Words that say what kind of place it is rather than which: dropped at either end for a core key
 * ("Oświęcim County", "City of Sydney", "Setagaya-ku", "Gyeonggi-do", "Lahn-Dill-Kreis",
 * "Budapest XII. kerület").
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  ...[...ADMIN_UNIT_WORDS].filter((w) => !SEAT_ONLY_WORDS.has(w)),
  'city',
  'town',
  'village',
  'stadt',
  'of',
  'the',
  'state',
  'ku',
  'shi',
  'gu',
  'gun',
  'si',
  'do',
  'qu',
  'xian',
  'republic',
  'teukbyeolsi',
  'gwangyeoksi',
  'teukbyeoljachido',
  'sheng',
  'zizhiqu',
  'special',
  'autonomous',
  'kerulet',
]);

/** A Chinese, Japanese or Korean administrative suffix after at least two characters (罗马市 → 罗马). */
const CJK_SUFFIX = /(?<=\p{Script=Han}{2}|\p{Script=Hangul}{2})[市区區県县省道郡町村시군구]$/u;

/** Characters a match key treats as spaces, besides those folding already does. */
const KEY_PUNCTUATION = /[()[\]"/]/g;
const SPACES = /\s+/g;
/** A word of CANONICAL_WORDS, as a whole word of a key. */
const ABBREVIATED_WORD = /(?:^| )(?:st|ste|sankt|mt|ft|pt)(?= |$)/;

/** Folded text with abbreviations spelt one way (St. / Saint / Sankt → saint): the key for exact lookups. */
export function matchKey(text: string): string {
  const folded = foldText(text).replace(KEY_PUNCTUATION, ' ').replace(SPACES, ' ').trim();
  if (!ABBREVIATED_WORD.test(folded)) return folded;
  return folded
    .split(' ')
    .map((w) => CANONICAL_WORDS.get(w) ?? w)
    .join(' ');
}

/** A match key without generic words at its ends ("oswiecim county" → "oswiecim"); the key itself when nothing is left. */
export function coreKey(key: string): string {
  const first = key.indexOf(' ');
  // One word, or two ends that are no generic words: the key is its own core, unless a CJK suffix ends it.
  if (
    first === -1 ||
    (!GENERIC_WORDS.has(key.slice(0, first)) && !GENERIC_WORDS.has(key.slice(key.lastIndexOf(' ') + 1)))
  )
    return CJK_SUFFIX.test(key) ? key.slice(0, -1) : key;
  const words = key.split(' ');
  let start = 0;
  let end = words.length;
  while (start < end - 1 && GENERIC_WORDS.has(words[start]!)) start++;
  while (end - 1 > start && GENERIC_WORDS.has(words[end - 1]!)) end--;
  const core = words.slice(start, end).join(' ');
  return CJK_SUFFIX.test(core) ? core.slice(0, -1) : core;
}

/**
 * The name of the seat an administrative unit's key points to, when the key carries words naming such a
 * unit at its ends ("landkreis rosenheim" → "rosenheim", "borough of kirklees" → "kirklees"); undefined
 * for a key without them ("city of sydney": a city is the settlement itself, not a unit named after one).
 */
export function seatKey(key: string): string | undefined {
  const words = key.split(' ');
  const generic = (w: string): boolean => GENERIC_WORDS.has(w) || ADMIN_UNIT_WORDS.has(w);
  let start = 0;
  let end = words.length;
  while (start < end - 1 && generic(words[start]!)) start++;
  while (end - 1 > start && generic(words[end - 1]!)) end--;
  const dropped = [...words.slice(0, start), ...words.slice(end)];
  return dropped.some((w) => ADMIN_UNIT_WORDS.has(w)) ? words.slice(start, end).join(' ') : undefined;
}

/** Words that join a town's name to its river, region or hill ("unter Teck", "am Main", "upon Avon", "nad Metují"). */
const CONNECTOR_WORDS: ReadonlySet<string> = new Set([
  'unter',
  'ob',
  'an',
  'der',
  'am',
  'im',
  'in',
  'bei',
  'upon',
  'on',
  'sur',
  'sous',
  'nad',
  'pod',
  'u',
  'na',
]);

/**
 * A key without the connector words inside it, as a name is often shortened ("kirchheim unter teck" →
 * "kirchheim teck", the key of "Kirchheim/Teck"); the key itself when it has none.
 */
export function bareKey(key: string): string {
  const first = key.indexOf(' ');
  if (first === -1 || key.indexOf(' ', first + 1) === -1) return key;
  const words = key.split(' ');
  if (words.length < 3) return key;
  const inner = words.slice(1, -1).filter((w) => !CONNECTOR_WORDS.has(w));
  return [words[0]!, ...inner, words[words.length - 1]!].join(' ');
}

function firstVowels(text: string): string {
  return text.replace(/[aeiou]{2,}/g, (run) => run[0]!);
}

/**
 * A spelling-blind key for transliterations (Kiev/Kyiv, Kharkov/Charkow, Gyumri/Giumri): spaces
 * dropped, common digraphs and y/j/i merged, doubled letters and runs of vowels reduced to their first.
 * Each rule runs in this order, and only on a key holding a letter it replaces (the digraphs ending in h
 * in one pass: none can make another).
 */
export function skeletonKey(key: string): string {
  let s = key.replace(/[\s-]+/g, '');
  if (/[cqh]/.test(s)) s = s.replace(/tsch|tch|tsh|ch|kh|ck|q|c/g, 'k');
  if (s.includes('s')) s = s.replace(/sch|sh|sz/g, 's');
  if (s.includes('h')) s = s.replace(/([pdztg])h/g, (_, c: string) => (c === 'p' ? 'f' : c));
  if (s.includes('w')) s = s.replace(/w/g, 'v');
  if (/[yj]/.test(s)) s = s.replace(/[yj]/g, 'i');
  return firstVowels(s.replace(/(.)\1+/g, '$1'));
}

/** Every key a gazetteer name is filed under: its match key and its core key. */
export function gazetteerKeys(name: string): string[] {
  const key = matchKey(name);
  if (key === '') return [];
  const core = coreKey(key);
  return core === key ? [key] : [key, core];
}
