import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** What an audit row is about: a locality, a link, or a source (one row per import run of it). */
export type AuditEntity = 'locality' | 'link' | 'source';

/** Who made a write: the API token (null for the CLI or an importer), its name and role. */
export interface AuditActor {
  tokenId: number | null;
  name: string;
  role: string;
}

/** One write, as appended to the audit log. Snapshots are plain JSON values. */
export interface AuditEntry {
  entityType: AuditEntity;
  entityId: number;
  entityKey: string | null;
  action: string;
  actor: AuditActor;
  at: string;
  version: number | null;
  before: unknown;
  after: unknown;
}

/** An audit row as read back. */
export interface AuditRecord extends AuditEntry {
  id: number;
}

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
