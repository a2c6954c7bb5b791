import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';
import { floatType, withId } from './column-helpers.js';

/** The registry's first tables: sources and citations, localities and names, links and events, associations, terms. */
export function registryMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('sources'), dialect)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('dataset', 'text')
        .addColumn('publisher', 'text')
        .addColumn('retrieved', 'text')
        .execute();

      await withId(db.schema.createTable('citations'), dialect)
        .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('locator', 'text')
        .execute();
      await db.schema
        .createIndex('citations_entity')
        .on('citations')
        .columns(['entity_type', 'entity_id'])
        .execute();

      await withId(db.schema.createTable('localities'), dialect)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('parent_id', 'integer', (c) => c.references('localities.id'))
        .addColumn('lat', floatType(dialect))
        .addColumn('lon', floatType(dialect))
        .addColumn('population', 'bigint')
        .addColumn('population_year', 'integer')
        .addColumn('wikidata_id', 'text')
        .addColumn('geonames_id', 'integer')
        .addColumn('unverified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notes', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('localities_country').on('localities').column('country').execute();
      await db.schema.createIndex('localities_wikidata').on('localities').column('wikidata_id').execute();
      await db.schema.createIndex('localities_geonames').on('localities').column('geonames_id').execute();

      await withId(db.schema.createTable('locality_names'), dialect)
        .addColumn('locality_id', 'integer', (c) =>
          c.notNull().references('localities.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('folded', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('locality_names_folded').on('locality_names').column('folded').execute();
      await db.schema
        .createIndex('locality_names_locality')
        .on('locality_names')
        .column('locality_id')
        .execute();

      await withId(db.schema.createTable('links'), dialect)
        .addColumn('a_id', 'integer', (c) => c.notNull().references('localities.id'))
        .addColumn('b_id', 'integer', (c) => c.notNull().references('localities.id'))
        .addColumn('kind', 'text')
        .addColumn('purposes', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('exclusive', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unverified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notes', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('links_sides_ordered', sql`a_id < b_id`)
        .execute();
      await db.schema.createIndex('links_pair').on('links').columns(['a_id', 'b_id']).unique().execute();
      await db.schema.createIndex('links_b').on('links').column('b_id').execute();

      await withId(db.schema.createTable('link_events'), dialect)
        .addColumn('link_id', 'integer', (c) => c.notNull().references('links.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('date_start', 'integer')
        .addColumn('date_end', 'integer')
        .addColumn('actor_side', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('cause', 'text')
        .addColumn('notes', 'text')
        .addColumn('unverified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('link_events_link').on('link_events').column('link_id').execute();

      await withId(db.schema.createTable('associations'), dialect)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('founded', 'text')
        .addColumn('country', 'text')
        .addColumn('notes', 'text')
        .execute();

      await withId(db.schema.createTable('memberships'), dialect)
        .addColumn('association_id', 'integer', (c) =>
          c.notNull().references('associations.id').onDelete('cascade'),
        )
        .addColumn('locality_id', 'integer', (c) => c.notNull().references('localities.id'))
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('role', 'text')
        .execute();

      await withId(db.schema.createTable('terms'), dialect)
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('romanized', 'text')
        .addColumn('country', 'text')
        .addColumn('meaning', 'text', (c) => c.notNull())
        .addColumn('link_kind', 'text')
        .addColumn('notes', 'text')
        .execute();
    },
  };
}
