import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { fillFeatureCodes } from '../../store/writes/import.js';

/**
 * After a gazetteer load: localities matched to a GeoNames place before it (the bundled dataset's, a registry
 * loaded without a gazetteer) take their place's feature code where they have none; codes they have are kept,
 * as imports keep the facts a locality has. Returns how many localities it changed. No audit row: the code is
 * the gazetteer's fact about the place, not an edit of the locality.
 */
export function learnFeatureCodes(db: Kysely<DB>): Promise<number> {
  return fillFeatureCodes(db);
}
