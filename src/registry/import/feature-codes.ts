import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { fillFromGazetteer } from '../../store/writes/import.js';

/**
 * After a gazetteer load: localities matched to a GeoNames place before it (the bundled dataset's, a registry
 * loaded without a gazetteer) take their place's feature code, first-level division and count of other names where
 * they have none; values they have are kept, as imports keep the facts a locality has. Returns how many localities
 * took each. No audit row: all three are the gazetteer's facts about the place, not an edit of the locality.
 */
export async function learnFeatureCodes(
  db: Kysely<DB>,
): Promise<{ featureCodes: number; divisions: number; otherNames: number }> {
  const featureCodes = await fillFromGazetteer(db, 'feature_code');
  const divisions = await fillFromGazetteer(db, 'division');
  const otherNames = await fillFromGazetteer(db, 'other_names');
  return { featureCodes, divisions, otherNames };
}
