import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { AuditActor } from '../../store/audit.repository.js';
import { encodeMatchRef } from '../../core/match-ref.js';
import { firstLevelDivision } from '../../core/region.js';
import { nowIso } from '../../store/booleans.js';
import { gazetteerPlace } from '../../store/gazetteer.repository.js';
import type { DB } from '../../store/schema.js';
import { versionedWrite } from '../versioned-write.js';
import { mergeByHand } from './fix-by-hand.js';
import { localityView } from './view.js';

/** What a fix by hand did. */
export interface ResolveOutcome {
  localityId: number;
  geonamesId: number;
  /** When another locality already was that place, the two were merged into it. */
  mergedInto?: number;
  mergeId?: number;
}

/**
 * A person's fix: locality `localityId` is GeoNames place `geonamesId`. Its matches become `manual`
 * (confidence 1, with who and when), so re-imports keep them; if another locality already is that
 * place, the two are merged (recorded, reversible). Either way through the versioned-write step.
 */
export async function resolveLocality(
  db: Kysely<DB>,
  localityId: number,
  geonamesId: number,
  actor: AuditActor,
): Promise<ResolveOutcome> {
  const place = await gazetteerPlace(db, geonamesId);
  if (!place)
    throw new TwinningError(
      'NotFound',
      `the gazetteer has no place ${geonamesId}; is it loaded (twinning gazetteer load)?`,
    );
  const locality = await db
    .selectFrom('localities')
    .select(['id', 'key'])
    .where('id', '=', localityId)
    .executeTakeFirst();
  if (!locality) throw new TwinningError('LocalityNotFound', `no locality has the id ${localityId}`);
  const now = nowIso();
  await db
    .updateTable('source_places')
    .set({
      method: 'manual',
      confidence: 1,
      doubtful: 0,
      distance_km: null,
      matched_ref: encodeMatchRef({ kind: 'geonames', geonamesId }),
      decided_by: actor.name,
      decided_at: now,
    })
    .where('locality_id', '=', localityId)
    .execute();
  const twin = await db
    .selectFrom('localities')
    .select('id')
    .where('geonames_id', '=', geonamesId)
    .where('id', '!=', localityId)
    .executeTakeFirst();
  if (twin) {
    const merged = await mergeByHand(
      db,
      twin.id,
      localityId,
      actor,
      `resolved to GeoNames ${geonamesId}, which locality ${twin.id} already is`,
    );
    return { localityId, geonamesId, mergedInto: twin.id, mergeId: merged.mergeId };
  }
  await versionedWrite(
    db,
    { entity: 'locality', id: localityId, key: locality.key },
    {
      action: 'resolve',
      actor,
      before: await localityView(db, localityId),
      apply: async () => {
        await db
          .updateTable('localities')
          .set({
            geonames_id: geonamesId,
            feature_code: place.featureCode,
            division: firstLevelDivision(place.country, place.admin1),
            other_names: place.otherNames,
            country: place.country,
            lat: place.lat,
            lon: place.lon,
            population: place.population || null,
            unverified: 0,
          })
          .where('id', '=', localityId)
          .execute();
      },
      after: () => localityView(db, localityId),
    },
  );
  return { localityId, geonamesId };
}
