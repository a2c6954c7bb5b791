import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The first-level division of a locality's gazetteer place, as its country and GeoNames admin1 code (`FR.27`),
 * kept on the locality so that the partner finder knows it without a loaded gazetteer. Localities already
 * matched get theirs from the gazetteer, where it holds their place and the place has an admin1 code.
 */
export function localityDivisionMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('localities').addColumn('division', 'text').execute();
      await sql`update localities set division = (
          select case when g.country <> '' and g.admin1 <> '' then g.country || '.' || g.admin1 end
          from gazetteer_places g where g.geoname_id = localities.geonames_id)
        where geonames_id is not null`.execute(db);
    },
  };
}
