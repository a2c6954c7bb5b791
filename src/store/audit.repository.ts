import type { Kysely } from 'kysely';
import type { AuditActor, AuditEntity, AuditEntry, AuditRecord } from '../core/audit.js';
import type { DB } from './schema.js';

/** Re-exported for the writers and readers of the log; the shapes are defined once, in core/audit.ts. */
export type { AuditActor, AuditEntity, AuditEntry, AuditRecord };

/** The audit trail of one entity, oldest first, after an audit id, at most `limit` rows. */
export async function auditTrail(
  db: Kysely<DB>,
  entityType: AuditEntity,
  entityId: number,
  page: { afterId?: number; limit: number },
): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('id', '>', page.afterId ?? 0)
    .orderBy('id')
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entity_type as AuditEntity,
    entityId: r.entity_id,
    entityKey: r.entity_key,
    action: r.action,
    actor: { tokenId: r.actor_token_id, name: r.actor_name, role: r.actor_role },
    at: r.at,
    version: r.version,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
