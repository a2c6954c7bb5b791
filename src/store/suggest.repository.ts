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
  /** Its gazetteer place's country and admin1 code (`FR.27`), as stored on the locality; null when unknown. */
  division: string | null;
  /** How many other names GeoNames gives its gazetteer place, as stored on the locality; null when unknown. */
  otherNames: number | null;
}

/**
 * Every locality with its primary name, position, population, kind, the feature code of its gazetteer place
 * and the first-level division of that place (the locality's own columns: the same with or without a loaded
 * gazetteer), in id order.
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
      'localities.division',
      'localities.other_names as otherNames',
    ])
    .execute();
}

/** The ids of the links marked exclusive (Rome and Paris), with their two ends. */
export async function exclusiveLinkIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('links').select('id').where('exclusive', '=', 1).orderBy('id').execute();
  return rows.map((r) => r.id);
}
