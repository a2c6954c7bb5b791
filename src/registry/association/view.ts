import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { nameAt } from '../../core/locality-names.js';
import { formatPartialDate } from '../../core/partial-date.js';
import { NullableString } from '../../core/shapes.js';
import { listAssociations } from '../../store/association.repository.js';
import { localitiesById } from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';

/** An association with its members named. */
export const AssociationView = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  founded: NullableString,
  country: NullableString,
  notes: NullableString,
  members: Type.Array(
    Type.Object({
      locality: Type.Object({ key: Type.String(), name: Type.String(), country: NullableString }),
      from: NullableString,
      to: NullableString,
      role: NullableString,
    }),
  ),
});
export type AssociationView = Static<typeof AssociationView>;

/** Every association (or those with this locality as a member), by name, with their memberships. */
export async function associationViews(
  db: Kysely<DB>,
  filter: { memberId?: number } = {},
): Promise<AssociationView[]> {
  const all = await listAssociations(db);
  const chosen =
    filter.memberId === undefined
      ? all
      : all.filter((a) => a.members.some((m) => m.localityId === filter.memberId));
  const localities = await localitiesById(db, [
    ...new Set(chosen.flatMap((a) => a.members.map((m) => m.localityId))),
  ]);
  return chosen.map((a) => ({
    id: a.id,
    key: a.key,
    name: a.name,
    kind: a.kind,
    founded: a.founded ? formatPartialDate(a.founded) : null,
    country: a.country ?? null,
    notes: a.notes ?? null,
    members: a.members.map((m) => {
      const loc = localities.get(m.localityId)!;
      return {
        locality: { key: loc.key, name: nameAt(loc.names), country: loc.country ?? null },
        from: m.from ?? null,
        to: m.to ?? null,
        role: m.role ?? null,
      };
    }),
  }));
}
