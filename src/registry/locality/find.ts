import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { isRegionCode } from '../../core/region.js';
import { regionName } from './region-names.js';
import { matchKey } from '../../core/name-keys.js';
import { gazetteerByKeys } from '../../store/gazetteer.repository.js';
import { localityIdsBy } from '../../store/import.repository.js';
import {
  localitiesById,
  localityIdsByExactName,
  searchLocalityNames,
} from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';
import { summarize, type LocalitySummary } from './partners.js';

/**
 * The one locality a person means by a key or a name (any language, any period), optionally in a
 * country. EmptyName for blank text, LocalityNotFound for none, AmbiguousLocality (listing keys) for several.
 */
export async function findLocality(db: Kysely<DB>, text: string, country?: string): Promise<number> {
  if (text.trim() === '')
    throw new TwinningError('EmptyName', 'a locality name may not be empty', { field: 'name' });
  let ids = await localityIdsByExactName(db, text.trim());
  if (ids.length === 0) ids = [...(await localityIdsByGazetteerName(db, text)).keys()];
  const found = await localitiesById(db, ids);
  // A country (US) or a region's ISO 3166-2 code (US-IL) picks one of several namesakes.
  const wanted = country?.trim().toUpperCase();
  const region = wanted !== undefined && isRegionCode(wanted);
  if (wanted)
    ids = ids.filter((id) =>
      region ? found.get(id)?.subdivision === wanted : found.get(id)?.country === wanted,
    );
  if (ids.length === 0) {
    // The country tables are loaded only for this message: a command that finds its place never reads them.
    const where = wanted
      ? ` in ${region ? (regionName(wanted) ?? wanted) : (await import('../../core/country.js')).countryName(wanted)}`
      : '';
    throw new TwinningError(
      'LocalityNotFound',
      `no locality is called "${text}"${where}; try \`twinning search\``,
      {
        field: 'name',
      },
    );
  }
  if (ids.length > 1) {
    const options = ids.map((id) => {
      const loc = found.get(id)!;
      const where = [regionName(loc.subdivision), loc.country ?? 'no country'].filter(Boolean);
      return `${loc.key} (${where.join(', ')})`;
    });
    throw new TwinningError(
      'AmbiguousLocality',
      `"${text}" names ${ids.length} localities: ${options.join(', ')}; give a key, --country or a region's code (--country US-IL)`,
      {
        field: 'name',
      },
    );
  }
  return ids[0]!;
}

/** A search result: the locality and the name that matched. */
export interface SearchResult extends LocalitySummary {
  matched: string;
}

/**
 * Localities identified with a gazetteer place that bears this name in any of its languages (GeoNames'
 * alternate names: "Рим" and "罗马" find Rome once imports have matched it), with the name matched.
 */
async function localityIdsByGazetteerName(db: Kysely<DB>, text: string): Promise<Map<number, string>> {
  const key = matchKey(text);
  const hits = (await gazetteerByKeys(db, [key])).get(key) ?? [];
  if (hits.length === 0) return new Map();
  const ids = await localityIdsBy(
    db,
    'geonames_id',
    hits.map((h) => h.geonameId),
  );
  return new Map([...ids.values()].map((id) => [id, text.trim()]));
}

/**
 * Localities whose names (any language, historical ones included) match the text, best first; then those
 * the gazetteer knows by that name in another language.
 */
export async function searchLocalities(db: Kysely<DB>, text: string, limit = 20): Promise<SearchResult[]> {
  if (text.trim() === '')
    throw new TwinningError('EmptyName', 'search text may not be empty', { field: 'text' });
  const hits = await searchLocalityNames(db, text, limit);
  const matched = new Map(hits.map((h) => [h.localityId, h.matched]));
  if (matched.size < limit) {
    for (const [id, name] of await localityIdsByGazetteerName(db, text)) {
      if (matched.size < limit && !matched.has(id)) matched.set(id, name);
    }
  }
  const localities = await localitiesById(db, [...matched.keys()]);
  return [...matched].map(([id, name]) => ({ ...summarize(localities.get(id)!, undefined), matched: name }));
}
