/**
 * Benchmark for issue 3 on PostgreSQL: in a new database on the server of TWINNING_BENCH_PG (default the
 * test server), load the gazetteer and import every source in ../shared/data, printing each time and
 * the Wikipedia-list match rates; the database is dropped afterwards.
 * Run: npx tsx bench/import-postgres.ts
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openRegistry } from '../src/registry/open-registry.js';
import { defaultGazetteerPath, loadGazetteer } from '../src/ingest/gazetteer/load-gazetteer.js';
import { openSource } from '../src/ingest/sources/open-source.js';
import { runImport } from '../src/ingest/import/run-import.js';
import { importSources } from './import-sources.js';
import { matchRates } from './import-stats.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const data = path.resolve(repoRoot, '../shared/data');
if (!existsSync(data)) {
  console.log(`SKIPPED: ${data} is absent; the import benchmark needs the shared data.`);
  process.exit(0);
}
const server = process.env.TWINNING_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `twinning_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: server });
try {
  await admin.connect();
} catch (error) {
  console.log(`SKIPPED: PostgreSQL at ${server} is unreachable (${String(error)}).`);
  process.exit(0);
}
await admin.query(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
try {
  const { database } = await openRegistry(url.toString());
  const gaz = await loadGazetteer(database, defaultGazetteerPath());
  console.log(
    `Gazetteer: ${gaz.places} places, ${gaz.names} name keys, loaded in ${gaz.seconds.toFixed(1)} s`,
  );
  const started = performance.now();
  for (const s of importSources(data)) {
    const summary = await runImport(database, s.format, openSource(s), { key: s.key, title: s.key });
    console.log(
      `  ${s.key}: ${summary.seconds} s, ${summary.unresolved} unresolved, ${summary.doubtful} doubtful`,
    );
  }
  console.log(`Imports: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  const rates = await matchRates(database.db, ['wikipedia-lists-geocoded', 'wikipedia-lists']);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(
    `Wikipedia-list places: ${rates.places}; matched ${pct(rates.matchedShare)}; within 25 km ${pct(rates.within25kmShare)} of ${rates.checkable}`,
  );
  await database.close();
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
