import type { Citation } from './source.js';
import type { LinkKind } from './link.js';

/** A word for a twinning in one language, as used in one country or by one body. */
export interface Term {
  id?: number;
  term: string;
  /** BCP 47 language tag. */
  lang: string;
  /** Romanisation for non-Latin scripts (yǒuhǎo chéngshì). */
  romanized?: string;
  /** Where the word is used, ISO 3166-1 alpha-2, when it is particular to a country. */
  country?: string;
  /** What the word means in English. */
  meaning: string;
  /** The kind of link it names, when it maps onto one. */
  linkKind?: LinkKind;
  notes?: string;
  citations: Citation[];
}

/** Terms in one language (matching the primary subtag, so `zh` finds `zh-Hans`), sorted by term. */
export function termsInLanguage(terms: readonly Term[], lang?: string): Term[] {
  const wanted = lang?.toLowerCase();
  return terms
    .filter(
      (t) =>
        wanted === undefined ||
        t.lang.toLowerCase() === wanted ||
        t.lang.toLowerCase().split('-')[0] === wanted,
    )
    .sort((x, y) => x.lang.localeCompare(y.lang) || x.term.localeCompare(y.term));
}
