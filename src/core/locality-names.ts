import { TwinningError } from './errors.js';
import { earliestDay, isOnOrBefore, latestDay, type PartialDate } from './partial-date.js';
import type { LocalityName } from './locality.js';

/** True when the name was in use at some time within `asOf`. */
export function isNameValidAt(name: NameChoice, asOf: PartialDate): boolean {
  const begun = name.validFrom === undefined || isOnOrBefore(name.validFrom, asOf);
  const notYetEnded = name.validTo === undefined || earliestDay(asOf) < latestDay(name.validTo);
  return begun && notYetEnded;
}

/** What choosing a place's name at a date looks at: everything about a name but its text. */
export type NameChoice = Pick<LocalityName, 'lang' | 'validFrom' | 'validTo' | 'primary'>;

/**
 * The name a place bore at a date, in a language when it has one there: of the names valid then, the
 * most recently adopted; the primary name when no dated name applies.
 */
export function nameAt(names: readonly LocalityName[], asOf?: PartialDate, lang = 'en'): string {
  return nameEntryAt(names, asOf, lang).name;
}

/** The entry `nameAt` takes its name from (so a caller may hold names without their text until one is chosen). */
export function nameEntryAt<Name extends NameChoice>(
  names: readonly Name[],
  asOf?: PartialDate,
  lang = 'en',
): Name {
  if (names.length === 0) throw new TwinningError('EmptyName', 'a locality needs at least one name');
  const primary = names.find((n) => n.primary) ?? names[0]!;
  if (asOf === undefined) return primary;
  const valid = names.filter((n) => isNameValidAt(n, asOf));
  const dated = valid.filter((n) => n.validFrom !== undefined || n.validTo !== undefined);
  const pool = dated.length > 0 ? dated : valid;
  const inLang = pool.filter((n) => n.lang === lang);
  const candidates = inLang.length > 0 ? inLang : pool;
  if (candidates.length === 0) return primary;
  const start = (n: Name): number => (n.validFrom ? earliestDay(n.validFrom) : -Infinity);
  const first = candidates.find((n) => n.primary) ?? candidates[0]!;
  return candidates.reduce((best, n) => (start(n) > start(best) ? n : best), first);
}

/** Checks a list of names: none empty, periods in order. Throws naming the offending entry. */
export function validateNames(names: readonly LocalityName[], field = 'names'): void {
  if (names.length === 0)
    throw new TwinningError('EmptyName', 'a locality needs at least one name', { field });
  names.forEach((n, i) => {
    if (n.name.trim() === '') {
      throw new TwinningError('EmptyName', 'a name may not be empty', { field: `${field}[${i}].name` });
    }
    if (n.validFrom && n.validTo && earliestDay(n.validTo) < earliestDay(n.validFrom)) {
      throw new TwinningError('InvalidDate', `"${n.name}" ends before it begins`, {
        field: `${field}[${i}].validTo`,
      });
    }
  });
}
