import { countries, languages } from 'countries-list';

/** The official languages of a country (ISO 639-1 codes, from countries-list); none for an unknown code. */
export function languagesOf(country: string): readonly string[] {
  return (countries as Record<string, { languages: string[] } | undefined>)[country]?.languages ?? [];
}

/** The English name of an ISO 639-1 language code (the code itself when unknown). */
export function languageName(code: string): string {
  return (languages as Record<string, { name: string } | undefined>)[code]?.name ?? code;
}

/** The languages two lists share, in the first list's order. */
export function sharedLanguages(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((l) => b.includes(l));
}
