/**
 * Builds a registry from the bundled dataset, the gazetteer and every shared source, into a file that is
 * kept (for the identity and link-accuracy measurements to read). Run: npx tsx bench/world-build.ts <file.sqlite>
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultGazetteerPath, loadGazetteer } from '../src/ingest/gazetteer/load-gazetteer.js';
import { runImport, type ImportSummary } from '../src/ingest/import/run-import.js';
import { openSource } from '../src/ingest/sources/open-source.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { importSources } from './import-sources.js';

/** The shared data folder beside the repository. */
export const SHARED_DATA = path.resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data');

/** Builds the world registry into `file` (replacing it); returns each import's summary. */
export async function buildWorld(
  file: string,
  data = SHARED_DATA,
): Promise<(ImportSummary & { cpuSeconds: number })[]> {
  rmSync(file, { force: true });
  const { database } = await openRegistry(file);
  try {
    await loadGazetteer(database, defaultGazetteerPath());
    const summaries: (ImportSummary & { cpuSeconds: number })[] = [];
    for (const s of importSources(data)) {
      // CPU time as well as wall time: the machine is shared, and the CPU time is what the import costs.
      const cpu = process.cpuUsage();
      const summary = await runImport(database, s.format, openSource(s), { key: s.key, title: s.key });
      const used = process.cpuUsage(cpu);
      summaries.push({ ...summary, cpuSeconds: Math.round((used.user + used.system) / 1e5) / 10 });
    }
    return summaries;
  } finally {
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npx tsx bench/world-build.ts <file.sqlite>');
  if (!existsSync(SHARED_DATA)) {
    console.log(`SKIPPED: ${SHARED_DATA} is absent`);
    process.exit(0);
  }
  const started = performance.now();
  for (const s of await buildWorld(file))
    console.log(
      `${s.source}: ${s.seconds} s (CPU ${s.cpuSeconds} s), ${s.pairs} pairs, ${s.selfPairs} self-pairs, ${s.unresolved} unresolved`,
    );
  console.log(`built ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
