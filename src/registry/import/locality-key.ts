import { foldText } from '../../core/text-fold.js';

/**
 * A key for a new locality: its name in lower-case kebab with its country, made unique against `taken`;
 * a namesake in the same country whose region is known gets the region (`springfield-us-mo`), else a number.
 */
export function uniqueKey(
  name: string,
  country: string | undefined,
  taken: Set<string>,
  subdivision?: string | null,
): string {
  const slug =
    foldText(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'place';
  let stem = country ? `${slug}-${country.toLowerCase()}` : slug;
  const region = subdivision?.split('-')[1]?.toLowerCase();
  if (taken.has(stem) && region && subdivision!.startsWith(`${country}-`)) stem = `${stem}-${region}`;
  let key = stem;
  for (let n = 2; taken.has(key); n++) key = `${stem}-${n}`;
  taken.add(key);
  return key;
}
