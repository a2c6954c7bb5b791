import type { Kysely } from 'kysely';
import { nameAt } from '../../core/locality-names.js';
import { formatPartialDate } from '../../core/partial-date.js';
import { listAssociations } from '../../store/association.repository.js';
import { localitiesById } from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';

/** An association with its members named. */
export interface AssociationView {
  id: number;
  key: string;
  name: string;
  kind: string;
  founded: string | null;
  country: string | null;
  notes: string | null;
  members: {
    locality: { key: string; name: string; country: string | null };
    from: string | null;
    to: string | null;
    role: string | null;
  }[];
}

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
