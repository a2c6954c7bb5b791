import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';
import { floatType, withId } from './column-helpers.js';

/**
 * Importing the world's twinnings: the gazetteer (GeoNames places and their name keys), the places each
 * source names and how they were matched, the sources that state each link, and locality merges.
 */
export function importMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('gazetteer_places')
        .addColumn('geoname_id', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lat', floatType(dialect), (c) => c.notNull())
        .addColumn('lon', floatType(dialect), (c) => c.notNull())
        .addColumn('feature_code', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('admin1', 'text', (c) => c.notNull())
        .addColumn('admin2', 'text', (c) => c.notNull())
        .addColumn('population', 'bigint', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('gazetteer_places_lat')
        .on('gazetteer_places')
        .columns(['lat', 'lon'])
        .execute();

      // One row per distinct key of a place's names: `key` for exact lookups, `skeleton` for transliterations.
      await db.schema
        .createTable('gazetteer_names')
        .addColumn('geoname_id', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('skeleton', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('is_main', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('gazetteer_names_key').on('gazetteer_names').column('key').execute();
      await db.schema
        .createIndex('gazetteer_names_skeleton')
        .on('gazetteer_names')
        .columns(['country', 'skeleton'])
        .execute();

      await withId(db.schema.createTable('source_places'), dialect)
        .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
        .addColumn('place_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('country_text', 'text')
        .addColumn('lat', floatType(dialect))
        .addColumn('lon', floatType(dialect))
        .addColumn('wikidata_id', 'text')
        .addColumn('locality_id', 'integer', (c) => c.notNull().references('localities.id'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('confidence', floatType(dialect), (c) => c.notNull())
        .addColumn('doubtful', 'integer', (c) => c.notNull())
        .addColumn('distance_km', floatType(dialect))
        .addColumn('matched_ref', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema
        .createIndex('source_places_key')
        .on('source_places')
        .columns(['source_id', 'place_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('source_places_locality')
        .on('source_places')
        .column('locality_id')
        .execute();

      await withId(db.schema.createTable('link_sources'), dialect)
        .addColumn('link_id', 'integer', (c) => c.notNull().references('links.id').onDelete('cascade'))
        .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
        .addColumn('a_lists_b', 'integer', (c) => c.notNull())
        .addColumn('b_lists_a', 'integer', (c) => c.notNull())
        .addColumn('undirected', 'integer', (c) => c.notNull())
        .addColumn('first_line', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('link_sources_pair')
        .on('link_sources')
        .columns(['link_id', 'source_id'])
        .unique()
        .execute();
      await db.schema.createIndex('link_sources_source').on('link_sources').column('source_id').execute();

      await withId(db.schema.createTable('locality_merges'), dialect)
        .addColumn('kept_id', 'integer', (c) => c.notNull())
        .addColumn('merged_id', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'text', (c) => c.notNull())
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .addColumn('undone_at', 'text')
        .execute();
    },
  };
}
