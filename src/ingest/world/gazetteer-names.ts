import type { Database } from '../../store/database.js';
import { addAlternateNames, matchedGeonamesIds } from '../../registry/world/alternate-names.js';
import { readGeoNames } from '../gazetteer/geonames-parser.js';
import type { Progress } from '../progress.js';

/**
 * Gives every locality matched to a GeoNames place the names GeoNames holds for it (its main, ASCII and
 * alternate names in every script), read from the gazetteer file, in one transaction, so the API's search as
 * you type finds Рим and 罗马 from the registry alone. Returns how many names it added.
 */
export async function addGazetteerNames(
  database: Database,
  file: string,
  progress?: Progress,
): Promise<number> {
  const wanted = await matchedGeonamesIds(database.db);
  const names = new Map<number, string[]>();
  let seen = 0;
  for await (const place of readGeoNames(file, file)) {
    if (++seen % 20_000 === 0) progress?.tick(seen);
    if (wanted.has(place.geonameId))
      names.set(place.geonameId, [place.name, place.asciiName, ...place.alternateNames]);
  }
  progress?.done(seen);
  return database.db.transaction().execute((trx) => addAlternateNames(trx, names));
}
