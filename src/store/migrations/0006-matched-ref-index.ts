import type { Kysely, Migration } from 'kysely';

/**
 * An index on `source_places.matched_ref`: every import looks up which locality already holds each of its
 * places' candidate references (a gazetteer entry, a shared unit, a seat), up to eight a place, and without
 * it each look-up scanned the whole table.
 */
export function matchedRefIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('source_places_matched_ref')
        .on('source_places')
        .column('matched_ref')
        .execute();
    },
  };
}
