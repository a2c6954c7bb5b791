import type { Kysely } from 'kysely';
import { localitiesWithPrimaryName } from './network.repository.js';
import type { DB } from './schema.js';

/** A locality as the rules need it: where it lies (country, ISO 3166-2 subdivision) and what it is. */
export interface PolicyLocalityRow {
  id: number;
  key: string;
  name: string;
  kind: string;
  country: string | null;
  subdivision: string | null;
}

/** Every locality (or those of `ids`) with its primary name, country, subdivision and kind. */
export async function policyLocalities(
  db: Kysely<DB>,
  ids?: readonly number[],
): Promise<PolicyLocalityRow[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = localitiesWithPrimaryName(db).select([
    'localities.id',
    'localities.key',
    'localities.kind',
    'localities.country',
    'localities.subdivision',
  ]);
  if (ids !== undefined) query = query.where('localities.id', 'in', [...ids]);
  return query.execute();
}

/** The ids of the links touching any of the localities. */
export async function linkIdsTouching(db: Kysely<DB>, localityIds: readonly number[]): Promise<number[]> {
  const ids = new Set<number>();
  for (let i = 0; i < localityIds.length; i += 5000) {
    const part = localityIds.slice(i, i + 5000);
    const rows = await db
      .selectFrom('links')
      .select('id')
      .where((eb) => eb.or([eb('a_id', 'in', part), eb('b_id', 'in', part)]))
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids].sort((x, y) => x - y);
}

/** Every membership with its association's key and dates. */
export async function policyMemberships(
  db: Kysely<DB>,
): Promise<{ association: string; localityId: number; from: string | null; to: string | null }[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('associations', 'associations.id', 'memberships.association_id')
    .select([
      'associations.key as association',
      'memberships.locality_id as localityId',
      'memberships.valid_from as from',
      'memberships.valid_to as to',
    ])
    .orderBy('memberships.id')
    .execute();
}
