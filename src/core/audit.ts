import { Type, type Static } from '@sinclair/typebox';
import { Nullable, NullableString, StringAs } from './shapes.js';

/** What an audit row can be about: a locality, a link, or a source (one row per import run of it). */
export const AUDIT_ENTITIES = ['locality', 'link', 'source'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Who made a write: the API token (null for the CLI or an importer), its name and role. */
export const AuditActor = Type.Object({
  tokenId: Nullable(Type.Integer()),
  name: Type.String(),
  role: Type.String(),
});
export type AuditActor = Static<typeof AuditActor>;

/** One row of an audit trail as read back: one write, who made it, when, and the entity before and after. */
export const AuditRecord = Type.Object({
  id: Type.Integer(),
  entityType: StringAs<AuditEntity>(),
  entityId: Type.Integer(),
  entityKey: NullableString,
  action: Type.String(),
  actor: AuditActor,
  at: Type.String(),
  version: Nullable(Type.Integer()),
  before: Type.Unknown({ description: 'the entity before the write; null for a creation' }),
  after: Type.Unknown({ description: 'the entity after the write; null for a deletion' }),
});
export type AuditRecord = Static<typeof AuditRecord>;

/** One write, as appended to the audit log (the row's id is given by the log). Snapshots are plain JSON values. */
export type AuditEntry = Omit<AuditRecord, 'id'>;
