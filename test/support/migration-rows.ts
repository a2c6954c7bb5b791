/**
 * Rows a migration test inserts before migrating further: gazetteer places and localities by the columns every
 * migration since 0001 has, and a column of every locality read back by key.
 */
import type { Database } from '../../src/store/database.js';

/** A gazetteer place by its id and the columns a test cares about; the rest are blank. */
export type PlaceRow = {
  geoname_id: number;
  feature_code?: string;
  country?: string;
  admin1?: string;
  other_names?: number | null;
};

export async function addGazetteerPlaces(database: Database, places: readonly PlaceRow[]): Promise<void> {
  await database.db
    .insertInto('gazetteer_places')
    .values(
      places.map((p) => ({
        name: `place ${p.geoname_id}`,
        lat: 0,
        lon: 0,
        feature_code: 'PPL',
        country: 'ZZ',
        admin1: '',
        admin2: '',
        population: 0,
        timezone: '',
        ...p,
      })),
    )
    .execute();
}

/** Inserts a locality by the columns every migration since 0001 has. */
export async function addBareLocality(
  database: Database,
  key: string,
  geonamesId: number | null,
): Promise<void> {
  const now = new Date().toISOString();
  await database.db
    .insertInto('localities')
    .values({
      key,
      kind: 'town',
      country: null,
      parent_id: null,
      lat: null,
      lon: null,
      population: null,
      population_year: null,
      wikidata_id: null,
      geonames_id: geonamesId,
      unverified: 0,
      notes: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** One column of every locality, by key. */
export async function localityColumn(
  database: Database,
  column: 'feature_code' | 'division' | 'other_names',
): Promise<Record<string, string | number | null>> {
  const rows = await database.db.selectFrom('localities').select(['key', column]).orderBy('key').execute();
  return Object.fromEntries(rows.map((r) => [r.key, r[column as keyof typeof r] as string | number | null]));
}
