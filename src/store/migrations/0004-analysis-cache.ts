import type { Kysely, Migration } from 'kysely';

/** Results of network analyses, kept per data version so that they are recomputed only when the data changes. */
export function analysisCacheMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('analysis_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
