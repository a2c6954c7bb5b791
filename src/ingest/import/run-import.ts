import type { Database } from '../../store/database.js';
import { indexUnindexedNames } from '../../store/name-index.repository.js';
import { upsertSources } from '../../store/source.repository.js';
import { TwinningError } from '../../core/errors.js';
import { gazetteerSize } from '../../store/gazetteer.repository.js';
import type { Progress } from '../progress.js';
import type { ImportFormat, ImportRecord } from '../sources/records.js';
import { collectRecords } from './collect.js';
import { resolveLocalities, type ResolveSummary } from './resolve-localities.js';
import { writeLinks, type LinkSummary } from './write-links.js';

/** The source an import records as stating its links. */
export interface ImportSource {
  key: string;
  title: string;
  url?: string;
  dataset?: string;
}

/** What one import did, for the summary line and --json. */
export interface ImportSummary extends ResolveSummary, LinkSummary {
  format: ImportFormat;
  source: string;
  rowsRead: number;
  seconds: number;
}

/**
 * Imports one source: reads and checks every record first (a malformed file fails here, before
 * anything is written), then matches places and writes localities, links and provenance in one
 * transaction, so a failure or a kill at any point leaves the database as it was.
 */
export async function runImport(
  database: Database,
  format: ImportFormat,
  records: AsyncIterable<ImportRecord>,
  source: ImportSource,
  progress?: Progress,
  log: (phase: string) => void = () => undefined,
): Promise<ImportSummary> {
  const started = performance.now();
  log('reading');
  const collected = await collectRecords(records, progress);
  if ((await gazetteerSize(database.db)) === 0) {
    throw new TwinningError(
      'NotFound',
      'the gazetteer is empty; run `twinning gazetteer load` first (a one-time step)',
    );
  }
  const summary = await database.db.transaction().execute(async (trx) => {
    const ids = await upsertSources(trx, [
      { key: source.key, title: source.title, url: source.url, dataset: source.dataset },
    ]);
    const sourceId = ids.get(source.key)!;
    log(`matching ${collected.places.size} places`);
    const resolved = await resolveLocalities(trx, sourceId, collected.places);
    log(`writing links for ${collected.statements.length} statements`);
    const links = await writeLinks(
      trx,
      { id: sourceId, key: source.key },
      collected.statements,
      resolved.localityOf,
    );
    // New localities' names become searchable (the search-as-you-type index) in the same transaction.
    await indexUnindexedNames(trx);
    log('committing');
    return { ...resolved.summary, ...links };
  });
  return {
    format,
    source: source.key,
    rowsRead: collected.rowsRead,
    ...summary,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
