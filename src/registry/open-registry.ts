import { fileURLToPath } from 'node:url';
import { partialDateFromJsDate } from '../core/partial-date.js';
import { migrateToLatest, openDatabase, type Database } from '../store/database.js';
import { indexUnindexedNames } from '../store/writes/name-index.js';
import { isSeeded, seedRegistry, type SeedSummary } from './seed/seed-registry.js';

/** The project's own dataset folder, beside src/ (and beside dist/src/ when built). */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url)).replace(
  /dist\/data\/$/,
  'data/',
);

/** How to open a registry: `nameIndex: false` skips bringing the search's word index up to date (a full pass). */
export interface OpenOptions {
  nameIndex?: boolean;
}

/**
 * Opens a registry, migrating it, indexing names for search (unless told not to: a process that does not
 * search need not pay for it, since every reader of the index opens with it), and loading the bundled
 * dataset on first use.
 */
export async function openRegistry(
  url: string,
  dataDir = BUNDLED_DATA_DIR,
  options: OpenOptions = {},
): Promise<{ database: Database; seeded?: SeedSummary }> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    if (options.nameIndex !== false) await indexUnindexedNames(database.db);
    if (await isSeeded(database.db)) return { database };
    // Reading and checking the YAML files (yaml, TypeBox) is paid only on the first open.
    const { readBundledDataset } = await import('./seed/read-bundled-dataset.js');
    const dataset = readBundledDataset(dataDir);
    const seeded = await seedRegistry(database.db, dataset, partialDateFromJsDate(new Date()));
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
