import type { Kysely } from 'kysely';
import type { AuditEntry } from '../audit.repository.js';
import { chunks } from '../chunks.js';
import { insertRows } from '../bulk-insert.js';
import type { AuditLogTable, DB } from '../schema.js';

function row(entry: AuditEntry): Omit<AuditLogTable, 'id'> {
  return {
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    entity_key: entry.entityKey,
    action: entry.action,
    actor_token_id: entry.actor.tokenId,
    actor_name: entry.actor.name,
    actor_role: entry.actor.role,
    at: entry.at,
    version: entry.version,
    before: entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === null ? null : JSON.stringify(entry.after),
  };
}

/** Appends one row to the audit log; call it in the transaction of the write it records. */
export async function insertAudit(db: Kysely<DB>, entry: AuditEntry): Promise<number> {
  const { id } = await db
    .insertInto('audit_log')
    .values(row(entry))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Appends many rows to the audit log in batches (a bulk import's rows); in the write's transaction. */
export async function insertAudits(db: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  for (const part of chunks(entries, 500)) await insertRows(db, 'audit_log', part.map(row));
}
