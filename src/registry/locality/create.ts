import type { Kysely } from 'kysely';
import { normalizeCountry } from '../../core/country.js';
import { TwinningError } from '../../core/errors.js';
import type { Locality } from '../../core/locality.js';
import { validateNames } from '../../core/locality-names.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';
import { localityIdsByKey } from '../../store/locality.repository.js';
import { insertLocality } from '../../store/writes/locality.js';
import type { DB } from '../../store/schema.js';
import { sourceIdsByKey } from '../../store/source.repository.js';
import { insertCitations } from '../../store/writes/source.js';
import { localityIdOfKey, localityView, type LocalityView } from './view.js';
import { recordWrite } from '../versioned-write.js';
import { assertSourcesKnown, type WriteContext } from '../write-context.js';

/** Checks names for a write: valid periods, none empty, exactly one primary (the first when none is marked). */
export function namesForWrite(names: Locality['names'], field = 'names'): Locality['names'] {
  validateNames(names, field);
  const primaries = names.filter((n) => n.primary).length;
  if (primaries > 1) {
    throw new TwinningError('InvalidInput', `${primaries} names are marked primary; mark exactly one`, {
      field,
    });
  }
  return primaries === 1 ? names : names.map((n, i) => ({ ...n, primary: i === 0 }));
}

/**
 * Creates a locality with its names and citations, and its audit row, in one transaction. Conflict when
 * the key is taken (also when a concurrent write took it first).
 */
export async function createLocality(
  db: Kysely<DB>,
  input: Locality,
  context: WriteContext,
): Promise<LocalityView> {
  const country = input.country === undefined ? undefined : normalizeCountry(input.country);
  const names = namesForWrite(input.names);
  try {
    return await db.transaction().execute(async (trx) => {
      context.authorize({ localities: [{ key: input.key, country: country ?? null }] });
      if ((await localityIdsByKey(trx, [input.key])).has(input.key)) {
        throw new TwinningError('Conflict', `a locality with the key "${input.key}" already exists`, {
          field: 'key',
        });
      }
      const parentId =
        input.parentKey === undefined ? null : await localityIdOfKey(trx, input.parentKey, 'parentKey');
      const id = await insertLocality(trx, { ...input, country, names }, parentId);
      const sourceIds = await sourceIdsByKey(trx);
      assertSourcesKnown(input.citations, sourceIds, 'citations');
      await insertCitations(trx, 'locality', id, input.citations, sourceIds);
      const after = await localityView(trx, id);
      await recordWrite(
        trx,
        { entity: 'locality', id, key: after.key },
        { action: 'create', actor: context.actor, version: after.version, before: null, after },
      );
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new TwinningError('Conflict', `a locality with the key "${input.key}" already exists`, {
        field: 'key',
      });
    }
    throw error;
  }
}
