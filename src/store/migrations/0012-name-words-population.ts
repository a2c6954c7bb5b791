import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * The search's word index ranks a name by its locality's population, which the index keeps a copy of
 * (`locality_name_words.population`, -1 for none). Triggers keep that copy true for every writer: a locality's
 * population that changes is copied to its names' words, and a name that moves to another locality (a merge, its
 * undoing) ranks as its new place. Before, each writer had to say so itself, and every open of a registry
 * compared the whole index with the localities in case one had not (about 0.2 s of a start on the world's data).
 * The migration brings the copy up to date once.
 */
export function nameWordsPopulationMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const current = sql`coalesce((select l.population from locality_names n join localities l
        on l.id = n.locality_id where n.id = locality_name_words.name_id), -1)`;
      await sql`update locality_name_words set population = ${current} where population <> ${current}`.execute(
        db,
      );
      const ofLocality = sql`update locality_name_words set population = coalesce(new.population, -1)
        where name_id in (select id from locality_names where locality_id = new.id)`;
      const ofMovedName = sql`update locality_name_words set population =
        coalesce((select population from localities where id = new.locality_id), -1) where name_id = new.id`;
      if (dialect === 'sqlite') {
        await sql`create trigger locality_population_indexed after update of population on localities
          when new.population is not old.population begin ${ofLocality}; end`.execute(db);
        await sql`create trigger locality_name_moved_indexed after update of locality_id on locality_names
          when new.locality_id is not old.locality_id begin ${ofMovedName}; end`.execute(db);
        return;
      }
      await sql`create function twinning_population_indexed() returns trigger language plpgsql as $$
        begin ${ofLocality}; return null; end $$`.execute(db);
      await sql`create trigger locality_population_indexed after update of population on localities for each row
        when (new.population is distinct from old.population) execute function twinning_population_indexed()`.execute(
        db,
      );
      await sql`create function twinning_name_moved_indexed() returns trigger language plpgsql as $$
        begin ${ofMovedName}; return null; end $$`.execute(db);
      await sql`create trigger locality_name_moved_indexed after update of locality_id on locality_names for each row
        when (new.locality_id is distinct from old.locality_id) execute function twinning_name_moved_indexed()`.execute(
        db,
      );
    },
  };
}
