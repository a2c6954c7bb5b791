import type { Database } from '../../store/database.js';
import { sourceIdsByKey } from '../../store/source.repository.js';
import { TwinningError } from '../../core/errors.js';
import { gazetteerSize } from '../../store/gazetteer.repository.js';
import { applyImportPlan } from '../../registry/import/apply-import-plan.js';
import type { ImportPlan, ImportSource } from '../../registry/import/import-plan.js';
import type { LinkSummary } from '../../registry/import/import-links.js';
import type { Progress } from '../progress.js';
import type { ImportFormat, ImportRecord } from '../sources/records.js';
import { collectRecords } from './collect.js';
import { matchSummary, planPlaces, type ResolveSummary } from './plan-places.js';

export type { ImportSource } from '../../registry/import/import-plan.js';

/** What one import did, for the summary line and --json. */
export interface ImportSummary extends ResolveSummary, LinkSummary {
  format: ImportFormat;
  source: string;
  rowsRead: number;
  /** New links flagged as clashing with an exclusive twinning (Paris beside Paris–Rome). */
  conflicts: number;
  seconds: number;
}

/**
 * Imports one source: reads and checks every record first (a malformed file fails here, before
 * anything is written), then, in one transaction, matches places into an import plan and has the registry
 * apply it (localities, links, provenance, versions and audit rows), so a failure or a kill at any point
 * leaves the database as it was.
 */
export async function runImport(
  database: Database,
  format: ImportFormat,
  records: AsyncIterable<ImportRecord>,
  source: ImportSource,
  progress?: Progress,
  log: (phase: string) => void = () => undefined,
  matching?: (places: number) => Progress,
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
    log(`matching ${collected.places.size} places`);
    const sourceId = (await sourceIdsByKey(trx)).get(source.key);
    const { known, planned } = await planPlaces(
      trx,
      sourceId,
      collected.places,
      collected.statements,
      matching,
    );
    const plan: ImportPlan = { source, known, places: planned, statements: collected.statements };
    const applied = await applyImportPlan(trx, plan, { log });
    log('committing');
    return {
      ...matchSummary(collected.places.size, planned),
      localitiesCreated: applied.localitiesCreated,
      conflicts: applied.conflicts,
      ...applied.links,
    };
  });
  return {
    format,
    source: source.key,
    rowsRead: collected.rowsRead,
    ...summary,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
