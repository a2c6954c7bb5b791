import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';
import { withId } from './column-helpers.js';

/** The PostgreSQL channel a registry change is announced on. */
export const REGISTRY_CHANNEL = 'twinning_registry_changed';

/** The tables whose rows the API shows; a change to any of them invalidates cached reads. */
const WATCHED_TABLES = [
  'sources',
  'citations',
  'localities',
  'locality_names',
  'links',
  'link_events',
  'associations',
  'memberships',
  'terms',
  'link_sources',
] as const;

/**
 * What the HTTP API needs: a word index of locality names for search as you type, API tokens (hashed),
 * the audit log of every write, and (on PostgreSQL) change notifications for cached reads. The word index is filled by `indexUnindexedNames` when a registry
 * opens, so databases made before this migration are indexed too.
 */
export function apiAccessMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Byte order (code point order for UTF-8) on both dialects, so `word >= p and word < p || U+10FFFF`
      // is a prefix range an ordinary B-tree index answers. SQLite's default BINARY collation already is.
      const wordType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
      // Keyed by name (not locality), so moving a name to another locality (a merge) keeps it indexed.
      // `population` copies the locality's, the ranking key, so a search reads one index in rank order.
      await withId(db.schema.createTable('locality_name_words'), dialect)
        .addColumn('name_id', 'integer', (c) =>
          c.notNull().references('locality_names.id').onDelete('cascade'),
        )
        .addColumn('word', wordType, (c) => c.notNull())
        .addColumn('head1', wordType, (c) => c.notNull())
        .addColumn('head2', wordType, (c) => c.notNull())
        .addColumn('is_start', 'integer', (c) => c.notNull())
        .addColumn('population', 'bigint', (c) => c.notNull())
        .execute();
      const index = (name: string, columns: string[]) =>
        db.schema.createIndex(name).on('locality_name_words').columns(columns).execute();
      // A prefix range (three characters or more), and exact matches; covering the ranking columns.
      await index('locality_name_words_word', ['word', 'is_start', 'population', 'name_id']);
      // One or two characters: an exact head read in population order, stopping at the page.
      await index('locality_name_words_head1', ['head1', 'is_start', 'population', 'name_id']);
      await index('locality_name_words_head2', ['head2', 'is_start', 'population', 'name_id']);
      await index('locality_name_words_name', ['name_id']);

      await withId(db.schema.createTable('api_tokens'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('entity_key', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_token_id', 'integer')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_entity')
        .on('audit_log')
        .columns(['entity_type', 'entity_id', 'id'])
        .execute();

      if (dialect === 'postgres') {
        // Every committed change to what the API shows notifies listeners (API instances drop cached
        // reads). Statement-level, so an import of many rows notifies once; delivered only on commit.
        await sql`create or replace function twinning_registry_changed() returns trigger language plpgsql as $$
          begin perform pg_notify(${sql.lit(REGISTRY_CHANNEL)}, ''); return null; end $$`.execute(db);
        for (const table of WATCHED_TABLES) {
          await sql`create trigger ${sql.id(`${table}_changed`)} after insert or update or delete or truncate
            on ${sql.table(table)} for each statement execute function twinning_registry_changed()`.execute(
            db,
          );
        }
      }
    },
  };
}
