import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegistry } from '../../registry/open-registry.js';
import { gzipSnapshot, snapshotText } from '../../registry/world/write-snapshot.js';
import type { Database } from '../../store/database.js';
import { countRows } from '../../store/row-count.repository.js';
import { defaultGazetteerPath, loadGazetteer } from '../gazetteer/load-gazetteer.js';
import { runImport, type ImportSummary } from '../import/run-import.js';
import { SILENT, type Progress } from '../progress.js';
import { openSource } from '../sources/open-source.js';
import { addGazetteerNames } from './gazetteer-names.js';
import { worldSources } from './world-sources.js';

/** How a world build reports progress: a bar per long step, a line per phase. */
export interface BuildReporter {
  progress(label: string, total?: number): Progress;
  log(line: string): void;
}

/** A reporter that says nothing. */
export const QUIET_BUILD: BuildReporter = { progress: () => SILENT, log: () => undefined };

/** What a world build did. */
export interface WorldBuildSummary {
  gazetteerSeconds: number;
  imports: ImportSummary[];
  /** Names of matched places added from the gazetteer. */
  gazetteerNames: number;
  localities: number;
  links: number;
  seconds: number;
}

/**
 * Builds the world into an open registry that holds the bundled dataset: the gazetteer, then every
 * source of data/sources in order, each import one transaction.
 */
export async function buildWorldInto(
  database: Database,
  sourcesDir: string,
  reporter: BuildReporter = QUIET_BUILD,
): Promise<WorldBuildSummary> {
  const started = performance.now();
  const sources = worldSources(sourcesDir);
  reporter.log('world: loading the gazetteer (GeoNames cities500 and its supplement)');
  const gazetteer = await loadGazetteer(database, defaultGazetteerPath(), reporter.progress('gazetteer'));
  const imports: ImportSummary[] = [];
  for (const s of sources) {
    reporter.log(`world: importing ${s.source.dataset}`);
    imports.push(
      await runImport(
        database,
        s.format,
        openSource(s),
        s.source,
        reporter.progress(`${s.source.key} rows`),
        (phase) => reporter.log(`world: ${s.source.key}: ${phase}`),
        (places) => reporter.progress(`${s.source.key} matching places`, places),
      ),
    );
  }
  reporter.log("world: adding the gazetteer's names of matched places (every language and script)");
  const names = await addGazetteerNames(
    database,
    defaultGazetteerPath(),
    reporter.progress('gazetteer names'),
  );
  return {
    gazetteerSeconds: gazetteer.seconds,
    imports,
    gazetteerNames: names,
    localities: await countRows(database.db, 'localities'),
    links: await countRows(database.db, 'links'),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/**
 * Builds the world in a new SQLite file and writes its snapshot (gzipped) to `outFile`; the same sources
 * and code give the same snapshot, byte for byte.
 */
export async function buildWorldSnapshot(
  sourcesDir: string,
  outFile: string,
  reporter: BuildReporter = QUIET_BUILD,
): Promise<WorldBuildSummary & { file: string; bytes: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'twinning-world-'));
  try {
    const { database } = await openRegistry(path.join(dir, 'world.sqlite'));
    try {
      const summary = await buildWorldInto(database, sourcesDir, reporter);
      reporter.log('world: writing the snapshot');
      const gz = gzipSnapshot(await snapshotText(database.db));
      mkdirSync(path.dirname(outFile), { recursive: true });
      writeFileSync(outFile, gz);
      return { ...summary, file: outFile, bytes: gz.length };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
