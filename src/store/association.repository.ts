import type { Kysely } from 'kysely';
import type { Association, AssociationKind } from '../core/association.js';
import { parsePartialDate } from '../core/partial-date.js';
import type { DB } from './schema.js';

/** A stored association with its members' locality ids. */
export interface AssociationRecord extends Omit<Association, 'members' | 'citations'> {
  id: number;
  members: { id: number; localityId: number; from?: string; to?: string; role?: string }[];
}

/** Every association with its memberships, by name. */
export async function listAssociations(db: Kysely<DB>): Promise<AssociationRecord[]> {
  const rows = await db.selectFrom('associations').selectAll().orderBy('name').execute();
  const members = await db.selectFrom('memberships').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    kind: r.kind as AssociationKind,
    founded: r.founded ? parsePartialDate(r.founded) : undefined,
    country: r.country ?? undefined,
    notes: r.notes ?? undefined,
    members: members
      .filter((m) => m.association_id === r.id)
      .map((m) => ({
        id: m.id,
        localityId: m.locality_id,
        from: m.valid_from ?? undefined,
        to: m.valid_to ?? undefined,
        role: m.role ?? undefined,
      })),
  }));
}
