import type { Kysely } from 'kysely';
import { openDatabase, type Database } from '../../src/store/database.js';
import { cli } from '../support/cli.js';
import { createTestDatabase } from '../support/databases.js';
import type { DialectName } from '../../src/store/dialect-name.js';
import { tableCounts } from '../support/registry-snapshot.js';
import type { DB } from '../../src/store/schema.js';
import { fixture } from './fixtures.js';

/** A new test database with the fixture gazetteer loaded (through the CLI), opened; `close` also drops it. */
export async function openWithGazetteer(
  dialect: DialectName,
): Promise<{ url: string; database: Database; close: () => Promise<void> }> {
  const { url, drop } = await createTestDatabase(dialect);
  const loaded = await cli(url, 'gazetteer', 'load', fixture('gazetteer.txt'));
  if (loaded.code !== 0) throw new Error(`gazetteer load exited ${loaded.code}: ${loaded.err}`);
  const database = openDatabase(url);
  return {
    url,
    database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

const IMPORT_TABLES = [
  'gazetteer_places',
  'gazetteer_names',
  'source_places',
  'link_sources',
  'locality_merges',
] as const;

/** Row counts of every registry and import table. */
export async function allCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts = await tableCounts(db);
  for (const table of IMPORT_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The locality a source's place was matched to, with its method. */
export async function matchOf(
  db: Kysely<DB>,
  name: string,
): Promise<
  {
    locality_id: number;
    method: string;
    matched_ref: string | null;
    geonames_id: number | null;
    kind: string;
    doubtful: number;
  }[]
> {
  return db
    .selectFrom('source_places')
    .innerJoin('localities', 'localities.id', 'source_places.locality_id')
    .select([
      'source_places.locality_id',
      'source_places.method',
      'source_places.matched_ref',
      'localities.geonames_id',
      'localities.kind',
      'source_places.doubtful',
    ])
    .where('source_places.name', '=', name)
    .execute();
}
