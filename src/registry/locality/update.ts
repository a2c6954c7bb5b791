import type { Kysely } from 'kysely';
import { normalizeCountry } from '../../core/country.js';
import { firstLevelDivision } from '../../core/region.js';
import { TwinningError } from '../../core/errors.js';
import { toFlag } from '../../store/booleans.js';
import { gazetteerPlace } from '../../store/gazetteer.repository.js';
import { insertNames } from '../../store/writes/locality.js';
import type { DB } from '../../store/schema.js';
import { sourceIdsByKey } from '../../store/source.repository.js';
import { insertCitations } from '../../store/writes/source.js';
import { namesForWrite } from './create.js';
import { localityIdOfKey, localityView, type LocalityView } from './view.js';
import type { LocalityChanges } from './write-shapes.js';
import { versionedWrite } from '../versioned-write.js';
import { assertSourcesKnown, assertVersion, type WriteContext } from '../write-context.js';

/**
 * Updates a locality at the version the writer read, with its audit row, in one transaction:
 * Conflict (never an overwrite) when someone changed it since.
 */
export async function updateLocality(
  db: Kysely<DB>,
  key: string,
  patch: LocalityChanges,
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
    // A new GeoNames id brings its place's feature code, division and count of other names when the gazetteer holds
    // it; the old one's go.
    const place =
      patch.geonamesId === undefined || patch.geonamesId === null
        ? undefined
        : await gazetteerPlace(trx, patch.geonamesId);
    const featureCode = place?.featureCode ?? null;
    const division = firstLevelDivision(place?.country, place?.admin1);
    const otherNames = place?.otherNames ?? null;
    const changes = {
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
      ...(patch.geonamesId !== undefined && {
        geonames_id: patch.geonamesId,
        feature_code: featureCode,
        division,
        other_names: otherNames,
      }),
      ...(patch.unverified !== undefined && { unverified: toFlag(patch.unverified) }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
    };
    const apply = async (): Promise<void> => {
      if (Object.keys(changes).length > 0)
        await trx.updateTable('localities').set(changes).where('id', '=', id).execute();
      if (names) {
        await trx.deleteFrom('locality_names').where('locality_id', '=', id).execute();
        await insertNames(trx, id, names);
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
    };
    return versionedWrite(
      trx,
      { entity: 'locality', id, key },
      {
        action: 'update',
        actor: context.actor,
        expectedVersion,
        before,
        apply,
        after: () => localityView(trx, id),
      },
    );
  });
}
