import type { MatchResult } from './match-types.js';
import { byPreference, type IdentityChoice, type IdentityPlace, type PlaceOption } from './place-options.js';
import type { PreparedPlace } from './prepare-query.js';

/** A statement between two places, by place key. */
interface Pairing {
  subject: string;
  object: string;
}

/**
 * Whether a statement's two places are certainly two places: different Q-ids, or countries (or the
 * subdivisions their country strings name) that differ. Cleveland, England and Cleveland, Ohio are two.
 */
export function twoPlaces(a: PreparedPlace, b: PreparedPlace): boolean {
  const qa = a.place.wikidataId;
  const qb = b.place.wikidataId;
  if (qa !== undefined && qb !== undefined) return qa !== qb;
  const ca = a.country;
  const cb = b.country;
  if (ca === undefined || cb === undefined) return false;
  if (ca.country !== cb.country) return true;
  return ca.subdivision !== undefined && cb.subdivision !== undefined && ca.subdivision !== cb.subdivision;
}

function identityOf(choice: IdentityChoice | undefined, settled: number | undefined): string | undefined {
  if (settled !== undefined) return `locality:${settled}`;
  if (choice === undefined) return undefined;
  return choice.localityId !== undefined ? `locality:${choice.localityId}` : choice.ref;
}

/** How well a choice fits its place's own country: 1 when it lies there (or nothing is stated), else 0. */
function fitsCountry(p: PreparedPlace, m: MatchResult): number {
  const countries = p.country?.searchCountries;
  return !countries || !m.candidate || countries.includes(m.candidate.country) ? 1 : 0;
}

const UNRESOLVED: MatchResult = { method: 'unresolved', confidence: 0, doubtful: false };

/**
 * Keeps namesakes apart: where a statement pairs two places that are certainly two (different countries
 * or Q-ids) and both ended on one locality, the end that fits it worse (not in its stated country, else the
 * less sure) moves to its next option in its own country that is not the other end, or to a locality of
 * its own. Returns the choices with those moves made.
 */
export function separateNamesakes(
  places: readonly IdentityPlace[],
  statements: readonly Pairing[],
  optionLists: readonly PlaceOption[][],
  choices: Map<string, IdentityChoice>,
  settled: ReadonlyMap<string, number>,
): Map<string, IdentityChoice> {
  const index = new Map(places.map((p, i) => [p.key, i]));
  for (const s of statements) {
    const i = index.get(s.subject);
    const j = index.get(s.object);
    if (i === undefined || j === undefined || s.subject === s.object) continue;
    const [a, b] = [places[i]!, places[j]!];
    const same = identityOf(choices.get(a.key), settled.get(a.key));
    if (same === undefined || same !== identityOf(choices.get(b.key), settled.get(b.key))) continue;
    if (!twoPlaces(a.prepared, b.prepared)) continue;
    const fit = (k: number, p: IdentityPlace): number =>
      settled.has(p.key)
        ? Infinity
        : fitsCountry(p.prepared, choices.get(p.key)!.match) * 10 +
          choices.get(p.key)!.match.confidence +
          k * 1e-9;
    const [move, moveIndex] = fit(0, a) <= fit(1, b) ? [a, i] : [b, j];
    if (settled.has(move.key)) continue;
    const next = [...optionLists[moveIndex]!].sort(byPreference).find(
      (o) =>
        fitsCountry(move.prepared, o.match) === 1 &&
        identityOf(
          {
            match: o.match,
            ref: o.ref,
            ...(o.localityId !== undefined ? { localityId: o.localityId } : {}),
          },
          undefined,
        ) !== same,
    );
    choices.set(
      move.key,
      next
        ? {
            match: { ...next.match, doubtful: true },
            ref: next.ref,
            ...(next.localityId !== undefined ? { localityId: next.localityId } : {}),
          }
        : { match: UNRESOLVED, ref: `unresolved:${move.key}` },
    );
  }
  return choices;
}
