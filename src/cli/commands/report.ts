import type { Command } from 'commander';
import { CONFLICT_NOTE_PREFIX } from '../../core/exclusive-conflicts.js';
import { flaggedConflicts, matchesToReview } from '../../store/reconcile-report.repository.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** `twinning report reconcile`: unresolved and doubtful matches, worst first, for a person to fix. */
export function registerReport(program: Command, io: CliIo): void {
  const report = program.command('report').description('reports for people who keep the registry');
  registerConflicts(report, io);
  report
    .command('reconcile')
    .description('unresolved and doubtful matches of imported places, worst first')
    .option('--limit <n>', 'how many to list', '50')
    .action(async (options: { limit: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const report = await withRegistry(globals, ({ db }) => matchesToReview(db, Number(options.limit)));
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
    });
}

/** `twinning report conflicts`: links kept but flagged because they clash with an exclusive twinning. */
function registerConflicts(report: Command, io: CliIo): void {
  report
    .command('conflicts')
    .description('links flagged as clashing with an exclusive twinning (Paris beside Paris–Rome)')
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const items = await withRegistry(globals, ({ db }) => flaggedConflicts(db, CONFLICT_NOTE_PREFIX));
      if (globals.json) return printJson(io, { total: items.length, items });
      io.out(`${items.length} links clash with an exclusive twinning:`);
      for (const i of items) io.out(`  link ${i.linkId} ${i.aKey} – ${i.bKey}: ${i.notes}`);
      if (items.length > 0)
        io.out('Settle one by giving the link its kind (a partnership such as partner_town is allowed).');
    });
}
