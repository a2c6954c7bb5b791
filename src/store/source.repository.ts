import type { Kysely } from 'kysely';
import { TwinningError } from '../core/errors.js';
import type { Citation, Source } from '../core/source.js';
import type { CitedEntity, DB } from './schema.js';

/** A citation as read back: the source's own fields with the locator. */
export interface CitationView {
  sourceKey: string;
  title: string;
  url: string | null;
  locator: string | null;
}

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

/** Every source key with its id. */
export async function sourceIdsByKey(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('sources').select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
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

/** The citations of many entities of one type, grouped by entity id. */
export async function citationsFor(
  db: Kysely<DB>,
  entityType: CitedEntity,
  entityIds: readonly number[],
): Promise<Map<number, CitationView[]>> {
  const byEntity = new Map<number, CitationView[]>();
  if (entityIds.length === 0) return byEntity;
  const rows = await db
    .selectFrom('citations')
    .innerJoin('sources', 'sources.id', 'citations.source_id')
    .select(['citations.entity_id', 'sources.key', 'sources.title', 'sources.url', 'citations.locator'])
    .where('citations.entity_type', '=', entityType)
    .where('citations.entity_id', 'in', [...entityIds])
    .orderBy('citations.id')
    .execute();
  for (const r of rows) {
    const list = byEntity.get(r.entity_id) ?? [];
    list.push({ sourceKey: r.key, title: r.title, url: r.url, locator: r.locator });
    byEntity.set(r.entity_id, list);
  }
  return byEntity;
}

/** A source as described in the registry: title, where it is, who publishes it, and when it was retrieved. */
export interface SourceRecord {
  key: string;
  title: string;
  url: string | null;
  dataset: string | null;
  publisher: string | null;
  retrieved: string | null;
}

/** Sources by key, for the keys that exist. */
export async function sourcesByKeys(
  db: Kysely<DB>,
  keys: readonly string[],
): Promise<Map<string, SourceRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('sources')
    .select(['key', 'title', 'url', 'dataset', 'publisher', 'retrieved'])
    .where('key', 'in', [...new Set(keys)])
    .execute();
  return new Map(rows.map((r) => [r.key, r]));
}
