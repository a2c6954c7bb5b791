import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The GeoNames feature code of a locality's gazetteer place (`PPLC`, `PPLA2`…), kept on the locality so that
 * what it says (a capital, a seat of government) is known without a loaded gazetteer. Localities already
 * matched get theirs from the gazetteer, where it holds their place.
 */
export function localityFeatureCodeMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('localities').addColumn('feature_code', 'text').execute();
      await sql`update localities set feature_code = (
          select g.feature_code from gazetteer_places g where g.geoname_id = localities.geonames_id)
        where geonames_id is not null`.execute(db);
    },
  };
}
