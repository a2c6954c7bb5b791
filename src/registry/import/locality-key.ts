import { foldText } from '../../core/text-fold.js';

/** A key for a new locality: its name in lower-case kebab with its country, made unique against `taken`. */
export function uniqueKey(name: string, country: string | undefined, taken: Set<string>): string {
  const slug =
    foldText(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'place';
  const stem = country ? `${slug}-${country.toLowerCase()}` : slug;
  let key = stem;
  for (let n = 2; taken.has(key); n++) key = `${stem}-${n}`;
  taken.add(key);
  return key;
}
