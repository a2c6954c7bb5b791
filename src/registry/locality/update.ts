import type { Kysely } from 'kysely';
import { normalizeCountry } from '../../core/country.js';
import { TwinningError } from '../../core/errors.js';
import type { Citation } from '../../core/source.js';
import type { Coordinates, LocalityKind, LocalityName } from '../../core/locality.js';
import { insertAudit } from '../../store/writes/audit.js';
import { nowIso, toFlag } from '../../store/booleans.js';
import { insertNames } from '../../store/locality.repository.js';
import { setIndexedPopulation } from '../../store/name-index.repository.js';
import type { DB } from '../../store/schema.js';
import { insertCitations, sourceIdsByKey } from '../../store/source.repository.js';
import { namesForWrite } from './create.js';
import { localityIdOfKey, localityView, type LocalityView } from './view.js';
import { assertSourcesKnown, assertUpdated, assertVersion, type WriteContext } from '../write-context.js';

/** The fields a locality update may change; absent fields stay, `null` clears. Names and citations are replaced whole. */
export interface LocalityPatch {
  kind?: LocalityKind;
  country?: string | null;
  parentKey?: string | null;
  coordinates?: Coordinates | null;
  population?: number | null;
  populationYear?: number | null;
  wikidataId?: string | null;
  geonamesId?: number | null;
  unverified?: boolean;
  notes?: string | null;
  names?: LocalityName[];
  citations?: Citation[];
}

/**
 * Updates a locality at the version the writer read, with its audit row, in one transaction:
 * Conflict (never an overwrite) when someone changed it since.
 */
export async function updateLocality(
  db: Kysely<DB>,
  key: string,
  patch: LocalityPatch,
  expectedVersion: number,
  context: WriteContext,
): Promise<LocalityView> {
  const country = patch.country == null ? patch.country : normalizeCountry(patch.country);
  const names = patch.names && namesForWrite(patch.names);
  return db.transaction().execute(async (trx) => {
    const id = await localityIdOfKey(trx, key);
    const before = await localityView(trx, id);
    const newCountry = country === undefined ? before.country : country;
    context.authorize({
      localities: [
        { key, country: before.country },
        { key, country: newCountry },
      ],
    });
    assertVersion(`locality ${key}`, before.version, expectedVersion);
    let parentId: number | null | undefined = undefined;
    if (patch.parentKey !== undefined) {
      parentId = patch.parentKey === null ? null : await localityIdOfKey(trx, patch.parentKey, 'parentKey');
      if (parentId === id) {
        throw new TwinningError('InvalidInput', 'a locality cannot lie within itself', {
          field: 'parentKey',
        });
      }
    }
    const result = await trx
      .updateTable('localities')
      .set((eb) => ({
        version: eb('version', '+', 1),
        updated_at: nowIso(),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(country !== undefined && { country }),
        ...(parentId !== undefined && { parent_id: parentId }),
        ...(patch.coordinates !== undefined && {
          lat: patch.coordinates?.lat ?? null,
          lon: patch.coordinates?.lon ?? null,
        }),
        ...(patch.population !== undefined && { population: patch.population }),
        ...(patch.populationYear !== undefined && { population_year: patch.populationYear }),
        ...(patch.wikidataId !== undefined && { wikidata_id: patch.wikidataId }),
        ...(patch.geonamesId !== undefined && { geonames_id: patch.geonamesId }),
        ...(patch.unverified !== undefined && { unverified: toFlag(patch.unverified) }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    assertUpdated(`locality ${key}`, result.numUpdatedRows, expectedVersion);
    if (names) {
      await trx.deleteFrom('locality_names').where('locality_id', '=', id).execute();
      await insertNames(trx, id, names);
    } else if (patch.population !== undefined) {
      await setIndexedPopulation(trx, id, patch.population);
    }
    if (patch.citations) {
      const sourceIds = await sourceIdsByKey(trx);
      assertSourcesKnown(patch.citations, sourceIds, 'citations');
      await trx
        .deleteFrom('citations')
        .where('entity_type', '=', 'locality')
        .where('entity_id', '=', id)
        .execute();
      await insertCitations(trx, 'locality', id, patch.citations, sourceIds);
    }
    const after = await localityView(trx, id);
    await insertAudit(trx, {
      entityType: 'locality',
      entityId: id,
      entityKey: key,
      action: 'update',
      actor: context.actor,
      at: nowIso(),
      version: after.version,
      before,
      after,
    });
    return after;
  });
}
