import type { Kysely } from 'kysely';
import type { CitationView } from '../core/source.js';
import type { CitedEntity, DB } from './schema.js';

/** Re-exported for the callers that read citations back; the shape is defined once, in core/source.ts. */
export type { CitationView };

/** Every source key with its id. */
export async function sourceIdsByKey(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('sources').select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
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
