import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { Citation, Source } from '../../core/source.js';
import type { CitedEntity, DB } from '../schema.js';
import { sourceIdsByKey } from '../source.repository.js';

/** Inserts sources not yet present (by key) and returns every key's id. */
export async function upsertSources(
  db: Kysely<DB>,
  sources: readonly Source[],
): Promise<Map<string, number>> {
  for (const s of sources) {
    await db
      .insertInto('sources')
      .values({
        key: s.key,
        title: s.title,
        url: s.url ?? null,
        dataset: s.dataset ?? null,
        publisher: s.publisher ?? null,
        retrieved: s.retrieved ?? null,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  return sourceIdsByKey(db);
}

/** Attaches citations to one entity; every cited source must exist. */
export async function insertCitations(
  db: Kysely<DB>,
  entityType: CitedEntity,
  entityId: number,
  citations: readonly Citation[],
  sourceIds: ReadonlyMap<string, number>,
): Promise<void> {
  if (citations.length === 0) return;
  const rows = citations.map((c, i) => {
    const sourceId = sourceIds.get(c.sourceKey);
    if (sourceId === undefined) {
      throw new TwinningError('InvalidInput', `no source has the key "${c.sourceKey}"`, {
        field: `cite[${i}]`,
      });
    }
    return { source_id: sourceId, entity_type: entityType, entity_id: entityId, locator: c.locator ?? null };
  });
  await db.insertInto('citations').values(rows).execute();
}
