import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';

// Whether a registry holds its initial data, apart from the seeding itself: every command opens a registry and
// asks, and only a new one goes on to load the writers that seed it.

/** The meta key recording that the bundled dataset was loaded, and when. */
export const BUNDLED_META_KEY = 'bundled_dataset_loaded_at';

/** True when the bundled dataset is already in the database. */
export async function isSeeded(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', BUNDLED_META_KEY)
    .executeTakeFirst();
  return row !== undefined;
}
