import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/** SQLite: the one-row table whose count moves on every update or delete in a table the API shows. */
export const CHANGE_COUNT_TABLE = 'registry_change_count';

/**
 * The tables the API shows (those 0003 and 0008 watch on PostgreSQL). An update or a delete moves the count;
 * an insert shows in the table's number of rows (a commit that also deletes moves the count).
 */
export const CHANGE_COUNTED_TABLES = [
  'sources',
  'citations',
  'localities',
  'locality_names',
  'locality_name_words',
  'links',
  'link_events',
  'associations',
  'memberships',
  'terms',
  'link_sources',
] as const;

/**
 * SQLite: a change count of the registry's own tables, so that a process can tell a commit to them from one
 * that touched other tables only (a study's cached result, a session, a token's use): `data_version` says only
 * that someone committed. Triggers add one to the count on every update and delete; inserts, by far the
 * commonest write (imports, snapshot loads), cost no trigger: the tables' row counts (`count(*)`, under a
 * millisecond for all of them on the world's data) show them, since a commit that inserts as many rows as it
 * deletes moves the count by its deletes. PostgreSQL needs nothing: its notifications (0003, 0008) already
 * come from these tables alone.
 */
export function registryChangeCountMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'sqlite') return;
      await sql`create table ${sql.table(CHANGE_COUNT_TABLE)} (id integer primary key, changes integer not null)`.execute(
        db,
      );
      await sql`insert into ${sql.table(CHANGE_COUNT_TABLE)} (id, changes) values (1, 0)`.execute(db);
      const bump = sql`update ${sql.table(CHANGE_COUNT_TABLE)} set changes = changes + 1 where id = 1;`;
      for (const table of CHANGE_COUNTED_TABLES) {
        const t = sql.table(table);
        await sql`create trigger ${sql.id(`${table}_counted_update`)} after update on ${t} begin ${bump} end`.execute(
          db,
        );
        await sql`create trigger ${sql.id(`${table}_counted_delete`)} after delete on ${t} begin ${bump} end`.execute(
          db,
        );
      }
    },
  };
}
