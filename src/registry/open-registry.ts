import { fileURLToPath } from 'node:url';
import { partialDateFromJsDate } from '../core/partial-date.js';
import { readBundledDataset } from './seed/read-bundled-dataset.js';
import { migrateToLatest, openDatabase, type Database } from '../store/database.js';
import { indexUnindexedNames } from '../store/writes/name-index.js';
import { isSeeded, seedRegistry, type SeedSummary } from './seed/seed-registry.js';

/** The project's own dataset folder, beside src/ (and beside dist/src/ when built). */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url)).replace(
  /dist\/data\/$/,
  'data/',
);

/** Opens a registry, migrating it, indexing names for search, and loading the bundled dataset on first use. */
export async function openRegistry(
  url: string,
  dataDir = BUNDLED_DATA_DIR,
): Promise<{ database: Database; seeded?: SeedSummary }> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    await indexUnindexedNames(database.db);
    if (await isSeeded(database.db)) return { database };
    const dataset = readBundledDataset(dataDir);
    const seeded = await seedRegistry(database.db, dataset, partialDateFromJsDate(new Date()));
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
