import type { Kysely } from 'kysely';
import { listLocalities } from '../registry/locality/list.js';
import type { DB } from '../store/schema.js';
import { placeLabels } from './place-labels.js';

/** One search suggestion: the place, the name the text matched, and where it lies. */
export interface Suggestion {
  key: string;
  name: string;
  matched: string | null;
  kind: string;
  countryCode: string | null;
  country: string | null;
  region: string | null;
  population: number | null;
}

/** Places whose names (any language, historical ones too) start with the text, best first, with country and region. */
export async function suggestPlaces(db: Kysely<DB>, text: string, limit: number): Promise<Suggestion[]> {
  if (text.trim() === '') return [];
  const page = await listLocalities(db, { text, afterId: 0, limit });
  const labels = await placeLabels(
    db,
    page.items.map((i) => i.id),
  );
  return page.items.map((item) => ({
    key: item.key,
    name: item.name,
    matched: item.matched !== null && item.matched !== item.name ? item.matched : null,
    kind: item.kind,
    countryCode: item.country,
    country: labels.get(item.id)?.country ?? null,
    region: labels.get(item.id)?.region ?? null,
    population: item.population,
  }));
}
