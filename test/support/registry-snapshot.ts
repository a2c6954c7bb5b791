import type { Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.js';

/** The registry's own tables, as a snapshot compares them. */
export const REGISTRY_TABLES = [
  'meta',
  'sources',
  'citations',
  'localities',
  'locality_names',
  'links',
  'link_events',
  'associations',
  'memberships',
  'terms',
] as const;

/** Row counts of every registry table, to show that a failed command wrote nothing. */
export async function tableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of REGISTRY_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
