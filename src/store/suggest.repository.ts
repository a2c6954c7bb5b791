import type { Kysely } from 'kysely';
import { localitiesWithPrimaryName } from './network.repository.js';
import type { DB } from './schema.js';

/** A locality as the partner finder reads it: where it is, how big, what kind, its primary name. */
export interface SuggestPlaceRow {
  id: number;
  key: string;
  name: string;
  kind: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** The GeoNames feature code of its gazetteer place (PPLC, PPLA…), as stored on the locality; null when unknown. */
  featureCode: string | null;
}

/**
 * Every locality with its primary name, position, population, kind and the feature code of its gazetteer place
 * (the locality's own column: the same with or without a loaded gazetteer), in id order.
 */
export async function suggestPlaceRows(db: Kysely<DB>): Promise<SuggestPlaceRow[]> {
  return localitiesWithPrimaryName(db)
    .select([
      'localities.feature_code as featureCode',
      'localities.id',
      'localities.key',
      'localities.kind',
      'localities.country',
      'localities.lat',
      'localities.lon',
      'localities.population',
    ])
    .execute();
}

/** The ids of the links marked exclusive (Rome and Paris), with their two ends. */
export async function exclusiveLinkIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('links').select('id').where('exclusive', '=', 1).orderBy('id').execute();
  return rows.map((r) => r.id);
}
