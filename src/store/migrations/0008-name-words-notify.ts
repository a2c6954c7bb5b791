import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * PostgreSQL: a committed change to the search's word index (`locality_name_words`) notifies the API instances
 * as a change to the tables 0003 watches does, so that a copy of the index kept in memory is dropped even when
 * only the word rows changed (names indexed by a later pass, `indexUnindexedNames`). SQLite needs nothing: its
 * change watch sees every commit.
 */
export function nameWordsNotifyMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`create trigger locality_name_words_changed after insert or update or delete or truncate
        on locality_name_words for each statement execute function twinning_registry_changed()`.execute(db);
    },
  };
}
