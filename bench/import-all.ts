/**
 * Benchmark for issue 3: load the gazetteer, import every source in ../shared/data, and print times
 * beside the floor (a bare parse-and-insert of the same rows), match rates, merge figures and peak RSS.
 * Run: npx tsx bench/import-all.ts
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRegistry } from '../src/registry/open-registry.js';
import { defaultGazetteerPath, loadGazetteer } from '../src/ingest/gazetteer/load-gazetteer.js';
import { openSource } from '../src/ingest/sources/open-source.js';
import { runImport } from '../src/ingest/import/run-import.js';
import { gazetteerFloor, importFloor } from './import-floor.js';
import { importSources } from './import-sources.js';
import { matchRates, sourceOverlap } from './import-stats.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const data = path.resolve(repoRoot, '../shared/data');
if (!existsSync(data)) {
  console.log(`SKIPPED: ${data} is absent; the import benchmark needs the shared data.`);
  process.exit(0);
}

const SOURCES = importSources(data);

const dir = mkdtempSync(path.join(tmpdir(), 'twinning-bench-'));
const ratio = (x: number, floor: number): string =>
  `${x.toFixed(1)} s (floor ${floor.toFixed(1)} s, ×${(x / floor).toFixed(1)})`;
try {
  const { database } = await openRegistry(path.join(dir, 'bench.sqlite'));
  const gazFloor = await gazetteerFloor(defaultGazetteerPath(), path.join(dir, 'floor-g.sqlite'));
  const gaz = await loadGazetteer(database, defaultGazetteerPath());
  const impFloor = await importFloor(SOURCES, path.join(dir, 'floor-i.sqlite'));
  const started = performance.now();
  const summaries = [];
  for (const s of SOURCES)
    summaries.push(await runImport(database, s.format, openSource(s), { key: s.key, title: s.key }));
  const importSeconds = (performance.now() - started) / 1000;
  const wikipedia = await matchRates(database.db, ['wikipedia-lists-geocoded', 'wikipedia-lists']);
  const overlap = await sourceOverlap(database.db);
  await database.close();
  console.log(
    `Gazetteer: ${gaz.places} places, ${gaz.names} name keys, loaded in ${ratio(gaz.seconds, gazFloor.seconds)}`,
  );
  console.log(
    `Imports: ${summaries.reduce((n, s) => n + s.rowsRead, 0)} rows from ${SOURCES.length} files in ${ratio(importSeconds, impFloor.seconds)}`,
  );
  for (const s of summaries) {
    console.log(
      `  ${s.source}: ${s.seconds} s, ${s.statements} statements → ${s.pairs} pairs, ${s.linksCreated} new links, ${s.linksConfirmed} confirmed, ${s.oneSided} one-sided, ${s.unresolved} unresolved, ${s.doubtful} doubtful`,
    );
  }
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(
    `Wikipedia-list places: ${wikipedia.places}; matched to a gazetteer place or subdivision ${pct(wikipedia.matchedShare)} (${pct(wikipedia.withParentShare)} counting places matched only to the place that contains them)`,
  );
  console.log(
    `  within 25 km of the file's own coordinates: ${pct(wikipedia.within25kmShare)} of ${wikipedia.checkable} checkable matches`,
  );
  console.log(`  by method: ${JSON.stringify(wikipedia.byMethod)}`);
  console.log(
    `Links: ${overlap.linksInRegistry} in the registry (bundled dataset included); ${overlap.linksWithImportedSources} stated by imported sources, against ${overlap.sumOverSources} source statements of a link`,
  );
  for (const [key, s] of Object.entries(overlap.perSource))
    console.log(
      `  ${key}: states ${s.states}, confirmed by another source ${s.confirmedByAnother}, only this source ${s.onlyThis}`,
    );
  console.log(`Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
