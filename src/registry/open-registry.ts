import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TwinningError } from '../core/errors.js';
import { partialDateFromJsDate } from '../core/partial-date.js';
import { migrateToLatest, openDatabase, type Database } from '../store/database.js';
import { indexUnindexedNames } from '../store/writes/name-index.js';
import type { SeedSummary } from './seed/seed-registry.js';
import { isSeeded } from './seed/seeded.js';
import type { SnapshotLoadSummary } from './world/load-snapshot.js';
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

/** How to open a registry. */
export interface OpenOptions {
  /** `false` skips bringing the search's word index up to date (a full pass). */
  nameIndex?: boolean;
  /** What a new registry is filled with; default `bundled` (the CLI's default is `world`). */
  dataset?: InitialDataset;
  /** The world snapshot to load (default WORLD_SNAPSHOT_FILE). */
  snapshotFile?: string;
  /** A progress reporter for the snapshot load, given its row count (made when a load begins). */
  progress?: (totalRows: number) => LoadProgress | Promise<LoadProgress>;
}

/**
 * Opens a registry, migrating it, indexing names for search (unless told not to: a process that does not
 * search need not pay for it, since every reader of the index opens with it), and on first use loading the
 * bundled dataset, or with `dataset: 'world'` the world snapshot (which holds the bundled dataset too).
 */
export async function openRegistry(
  url: string,
  dataDir = BUNDLED_DATA_DIR,
  options: OpenOptions = {},
): Promise<{ database: Database; seeded?: SeedSummary; world?: SnapshotLoadSummary }> {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    if (options.nameIndex !== false) await indexUnindexedNames(database.db);
    if (await isSeeded(database.db)) return { database };
    if (options.dataset === 'world') {
      const file = options.snapshotFile ?? WORLD_SNAPSHOT_FILE;
      if (!existsSync(file))
        throw new TwinningError(
          'NotFound',
          `the world snapshot ${file} is missing; run \`twinning world build\`, or use the bundled dataset alone (\`twinning init --bundled-only\`)`,
          { file },
        );
      const { loadSnapshot } = await import('./world/load-snapshot.js');
      return { database, world: await loadSnapshot(database, file, options.progress) };
    }
    // Reading and checking the YAML files (yaml, TypeBox) and the writers are paid only on the first open.
    const { readBundledDataset } = await import('./seed/read-bundled-dataset.js');
    const { seedRegistry } = await import('./seed/seed-registry.js');
    const dataset = readBundledDataset(dataDir);
    const seeded = await seedRegistry(database.db, dataset, partialDateFromJsDate(new Date()));
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
