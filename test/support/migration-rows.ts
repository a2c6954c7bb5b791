/**
 * Rows a migration test inserts before migrating further: gazetteer places and localities by the columns every
 * migration since 0001 has, and a column of every locality read back by key.
 */
import { Migrator, type MigrationProvider } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/dialect-name.js';
import { allMigrations } from '../../src/store/migrations/index.js';
import type { MIGRATION_NAMES } from '../../src/store/migrations/names.js';
import { createTestDatabase } from './databases.js';

/**
 * A new, unmigrated test database of the dialect for the tests of the describe block this is called in: created
 * before them, closed and dropped after. The returned function gives it once the block's tests run.
 */
export function blockDatabase(dialect: DialectName): () => Database {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase(dialect);
    drop = created.drop;
    database = openDatabase(created.url);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });
  return () => {
    if (!database) throw new Error('blockDatabase: read before the block’s beforeAll made the database');
    return database;
  };
}

/** Applies every migration up to and including `last`, no further. */
export async function migrateUpTo(database: Database, last: (typeof MIGRATION_NAMES)[number]): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => allMigrations(database.dialect) };
  await new Migrator({ db: database.db, provider }).migrateTo(last);
}

/** A gazetteer place by its id and the columns a test cares about; the rest are blank. */
export type PlaceRow = {
  geoname_id: number;
  feature_code?: string;
  country?: string;
  admin1?: string;
  other_names?: number | null;
};

export async function addGazetteerPlaces(database: Database, places: readonly PlaceRow[]): Promise<void> {
  await database.db
    .insertInto('gazetteer_places')
    .values(
      places.map((p) => ({
        name: `place ${p.geoname_id}`,
        lat: 0,
        lon: 0,
        feature_code: 'PPL',
        country: 'ZZ',
        admin1: '',
        admin2: '',
        population: 0,
        timezone: '',
        ...p,
      })),
    )
    .execute();
}

/** Inserts a locality by the columns every migration since 0001 has. */
export async function addBareLocality(
  database: Database,
  key: string,
  geonamesId: number | null,
): Promise<void> {
  const now = new Date().toISOString();
  await database.db
    .insertInto('localities')
    .values({
      key,
      kind: 'town',
      country: null,
      parent_id: null,
      lat: null,
      lon: null,
      population: null,
      population_year: null,
      wikidata_id: null,
      geonames_id: geonamesId,
      unverified: 0,
      notes: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** One column of every locality, by key. */
export async function localityColumn(
  database: Database,
  column: 'feature_code' | 'division' | 'other_names',
): Promise<Record<string, string | number | null>> {
  const rows = await database.db.selectFrom('localities').select(['key', column]).orderBy('key').execute();
  return Object.fromEntries(rows.map((r) => [r.key, r[column as keyof typeof r] as string | number | null]));
}
