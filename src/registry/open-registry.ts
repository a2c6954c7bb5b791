import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TwinningError } from '../core/errors.js';
import { partialDateFromJsDate } from '../core/partial-date.js';
import { readBundledDataset } from './seed/read-bundled-dataset.js';
import { migrateToLatest, openDatabase, type Database } from '../store/database.js';
import { indexUnindexedNames } from '../store/writes/name-index.js';
import { isSeeded, seedRegistry, type SeedSummary } from './seed/seed-registry.js';
import { loadSnapshot, type SnapshotLoadSummary } from './world/load-snapshot.js';
import type { LoadProgress } from './world/snapshot-tables.js';

/** The project's own dataset folder, beside src/ (and beside dist/src/ when built). */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url)).replace(
  /dist\/data\/$/,
  'data/',
);

/** The world snapshot a new registry loads by default (built by `twinning world build` from data/sources). */
export const WORLD_SNAPSHOT_FILE = `${BUNDLED_DATA_DIR}world/registry.jsonl.gz`;

/** What a new registry is filled with: the world (bundled dataset and data/sources), or the bundled dataset alone. */
export type InitialDataset = 'world' | 'bundled';

/** How to fill a registry on first use. */
export interface OpenOptions {
  /** Default `bundled`; the CLI's default is `world` (see `initialDataset`). */
  dataset?: InitialDataset;
  /** The world snapshot to load (default WORLD_SNAPSHOT_FILE). */
  snapshotFile?: string;
  /** A progress reporter for the snapshot load, given its row count. */
  progress?: (totalRows: number) => LoadProgress;
}

/**
 * Opens a registry, migrating it and indexing names for search; on first use it loads the bundled dataset,
 * or with `dataset: 'world'` the world snapshot (which holds the bundled dataset too).
 */
export async function openRegistry(
  url: string,
  dataDir = BUNDLED_DATA_DIR,
  options: OpenOptions = {},
): Promise<{ database: Database; seeded?: SeedSummary; world?: SnapshotLoadSummary }> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    await indexUnindexedNames(database.db);
    if (await isSeeded(database.db)) return { database };
    if (options.dataset === 'world') {
      const file = options.snapshotFile ?? WORLD_SNAPSHOT_FILE;
      if (!existsSync(file))
        throw new TwinningError(
          'NotFound',
          `the world snapshot ${file} is missing; run \`twinning world build\`, or use the bundled dataset alone (\`twinning init --bundled-only\`)`,
          { file },
        );
      return { database, world: await loadSnapshot(database, file, options.progress) };
    }
    const dataset = readBundledDataset(dataDir);
    const seeded = await seedRegistry(database.db, dataset, partialDateFromJsDate(new Date()));
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
