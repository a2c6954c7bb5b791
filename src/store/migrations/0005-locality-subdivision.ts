import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A locality's ISO 3166-2 first-level subdivision (`US-TX`), which laws on twinning bind by. Localities
 * already imported in the United States get theirs from their GeoNames place, whose admin1 code there is
 * the state's postal code (the second half of its ISO 3166-2 code).
 */
export function localitySubdivisionMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('localities').addColumn('subdivision', 'text').execute();
      await sql`update localities set subdivision = (
          select 'US-' || g.admin1 from gazetteer_places g
          where g.geoname_id = localities.geonames_id and length(g.admin1) = 2)
        where country = 'US' and geonames_id is not null`.execute(db);
      await db.schema.createIndex('localities_subdivision').on('localities').column('subdivision').execute();
    },
  };
}
