/**
 * The registry's own network for the analysis benchmark: the bundled dataset and every shared source
 * imported, reconciled and merged by the import pipeline (as `twinning import` does), then read back as
 * `twinning stats` reads it. This is "the merged shared data" of the issue; the crude merge of
 * analysis-data.ts is kept beside it for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { partialDateFromJsDate } from '../src/core/partial-date.js';
import { loadNetworkInput } from '../src/registry/network/input.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { prepareBenchData, SHARED_DATA, sharedSources } from './api-dataset.js';
import type { Dataset } from './analysis-data.js';

/** Imports everything into a temporary SQLite registry and returns its network in force today. */
export async function loadRegistryNetwork(): Promise<Dataset> {
  const dir = mkdtempSync(join(tmpdir(), 'twinning-analysis-registry-'));
  const url = join(dir, 'registry.sqlite');
  try {
    await prepareBenchData(url, (line) => console.log(line));
    const { database } = await openRegistry(url);
    const network = await loadNetworkInput(database.db, {}, partialDateFromJsDate(new Date()));
    await database.close();
    return {
      name: 'Registry (all shared sources imported, reconciled and merged)',
      files: sharedSources().map((s) => relative(SHARED_DATA, s.path)),
      input: network.input,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
