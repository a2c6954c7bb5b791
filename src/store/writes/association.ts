import type { Kysely } from 'kysely';
import type { Association } from '../../core/association.js';
import { formatPartialDate } from '../../core/partial-date.js';
import type { DB } from '../schema.js';

/** Inserts an association without its members; returns its id. */
export async function insertAssociation(
  db: Kysely<DB>,
  a: Omit<Association, 'members' | 'citations'>,
): Promise<number> {
  const { id } = await db
    .insertInto('associations')
    .values({
      key: a.key,
      name: a.name,
      kind: a.kind,
      founded: a.founded ? formatPartialDate(a.founded) : null,
      country: a.country ?? null,
      notes: a.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Adds one dated membership; returns its id. */
export async function insertMembership(
  db: Kysely<DB>,
  m: { associationId: number; localityId: number; from?: string; to?: string; role?: string },
): Promise<number> {
  const { id } = await db
    .insertInto('memberships')
    .values({
      association_id: m.associationId,
      locality_id: m.localityId,
      valid_from: m.from ?? null,
      valid_to: m.to ?? null,
      role: m.role ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
