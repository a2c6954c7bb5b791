import { matchesToReview } from '../../store/reconcile-report.repository.js';
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
