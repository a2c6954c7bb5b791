import type { Kysely, Migration } from 'kysely';

/**
 * How many other names GeoNames gives a place (its distinct alternate names: other languages, scripts and
 * spellings), on the gazetteer's places and, for the partner finder, on the localities matched to them, so that
 * it is known without a loaded gazetteer. Nothing to backfill from: a gazetteer loaded before this keeps name
 * keys, not the count, so both columns stay empty until the next `twinning gazetteer load`.
 */
export function otherNamesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('gazetteer_places').addColumn('other_names', 'integer').execute();
      await db.schema.alterTable('localities').addColumn('other_names', 'integer').execute();
    },
  };
}
