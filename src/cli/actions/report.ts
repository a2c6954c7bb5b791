import { CONFLICT_NOTE_PREFIX } from '../../core/exclusive-conflicts.js';
import { flaggedConflicts, matchesToReview } from '../../store/reconcile-report.repository.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** Prints unresolved and doubtful matches, worst first (`twinning report reconcile`). */
export async function reportReconcile(io: CliIo, globals: GlobalOptions, limit: string): Promise<void> {
  const report = await withRegistry(globals, ({ db }) => matchesToReview(db, Number(limit)));
  if (globals.json) return printJson(io, report);
  io.out(`${report.total} matches to review; the ${report.items.length} worst:`);
  for (const i of report.items) {
    const where = i.countryText ? `, ${i.countryText}` : '';
    const far = i.distanceKm !== null ? `, ${i.distanceKm} km away` : '';
    io.out(
      `  locality ${i.localityId} (${i.localityKey}): "${i.name}"${where} from ${i.source}: ${i.method}, confidence ${i.confidence}${far}`,
    );
  }
  if (report.items.length > 0)
    io.out(
      'Fix with: twinning locality resolve <locality-id> <geonames-id>, or twinning locality merge <kept-id> <other-id>',
    );
}

/** Prints the links flagged as clashing with an exclusive twinning (`twinning report conflicts`). */
export async function reportConflicts(io: CliIo, globals: GlobalOptions): Promise<void> {
  const items = await withRegistry(globals, ({ db }) => flaggedConflicts(db, CONFLICT_NOTE_PREFIX));
  if (globals.json) return printJson(io, { total: items.length, items });
  io.out(`${items.length} links clash with an exclusive twinning:`);
  for (const i of items) io.out(`  link ${i.linkId} ${i.aKey} – ${i.bKey}: ${i.notes}`);
  if (items.length > 0)
    io.out('Settle one by giving the link its kind (a partnership such as partner_town is allowed).');
}
