import { foldText } from '../../core/text-fold.js';

/** Words that abbreviate or translate one another in place names; each maps to one spelling. */
const CANONICAL_WORDS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sankt: 'saint',
  saint: 'saint',
  mt: 'mount',
  ft: 'fort',
  pt: 'port',
};

/**
 * Words that say what kind of place it is rather than which: dropped at either end for a core key
 * ("Oświęcim County", "City of Sydney", "Setagaya-ku", "Gyeonggi-do", "Lahn-Dill-Kreis").
 */
const GENERIC_WORDS = new Set([
  'city',
  'town',
  'village',
  'municipality',
  'municipal',
  'district',
  'county',
  'borough',
  'metropolitan',
  'prefecture',
  'province',
  'region',
  'state',
  'oblast',
  'raion',
  'rayon',
  'gmina',
  'commune',
  'kommune',
  'municipio',
  'comune',
  'landkreis',
  'kreis',
  'stadt',
  'gemeinde',
  'of',
  'the',
  'rural',
  'urban',
  'ku',
  'shi',
  'gu',
  'gun',
  'si',
  'do',
  'qu',
  'xian',
  'shire',
  'okrug',
  'krai',
  'kray',
  'republic',
  'voivodeship',
  'powiat',
  'ward',
  'township',
  'parish',
  'provincia',
  'departamento',
  'department',
  'teukbyeolsi',
  'gwangyeoksi',
  'teukbyeoljachido',
  'sheng',
  'zizhiqu',
  'special',
  'autonomous',
  'prafektur',
  'provinz',
  'bezirk',
  'departement',
  'kanton',
  'canton',
  'regierungsbezirk',
  'stadtkreis',
]);

/** A Chinese, Japanese or Korean administrative suffix after at least two characters (罗马市 → 罗马). */
const CJK_SUFFIX = /(?<=\p{Script=Han}{2}|\p{Script=Hangul}{2})[市区區県县省道郡町村시군구]$/u;

/** Folded text with abbreviations spelt one way (St. / Saint / Sankt → saint): the key for exact lookups. */
export function matchKey(text: string): string {
  const folded = foldText(text)
    .replace(/[()[\]"/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded
    .split(' ')
    .map((w) => CANONICAL_WORDS[w] ?? w)
    .join(' ');
}

/** A match key without generic words at its ends ("oswiecim county" → "oswiecim"); the key itself when nothing is left. */
export function coreKey(key: string): string {
  const words = key.split(' ');
  let start = 0;
  let end = words.length;
  while (start < end - 1 && GENERIC_WORDS.has(words[start]!)) start++;
  while (end - 1 > start && GENERIC_WORDS.has(words[end - 1]!)) end--;
  const core = words.slice(start, end).join(' ');
  return CJK_SUFFIX.test(core) ? core.slice(0, -1) : core;
}

const SKELETON_RULES: readonly [RegExp, string][] = [
  [/[\s-]+/g, ''],
  [/tsch|tch|tsh|ch|kh|ck|q|c/g, 'k'],
  [/sch|sh|sz/g, 's'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/dh/g, 'd'],
  [/zh/g, 'z'],
  [/th/g, 't'],
  [/gh/g, 'g'],
  [/[yj]/g, 'i'],
  [/(.)\1+/g, '$1'],
];

function firstVowels(text: string): string {
  return text.replace(/[aeiou]{2,}/g, (run) => run[0]!);
}

/**
 * A spelling-blind key for transliterations (Kiev/Kyiv, Kharkov/Charkow, Gyumri/Giumri): spaces
 * dropped, common digraphs and y/j/i merged, doubled letters and runs of vowels reduced to their first.
 */
export function skeletonKey(key: string): string {
  let s = key;
  for (const [pattern, replacement] of SKELETON_RULES) s = s.replace(pattern, replacement);
  return firstVowels(s);
}

/** Every key a gazetteer name is filed under: its match key and its core key. */
export function gazetteerKeys(name: string): string[] {
  const key = matchKey(name);
  if (key === '') return [];
  const core = coreKey(key);
  return core === key ? [key] : [key, core];
}
