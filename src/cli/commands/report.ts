import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/**
 * `twinning report reconcile`: unresolved and doubtful matches, worst first, for a person to fix;
 * `twinning report conflicts`: links kept but flagged because they clash with an exclusive twinning.
 */
export function registerReport(program: Command, io: CliIo): void {
  const report = program.command('report').description('reports for people who keep the registry');
  report
    .command('reconcile')
    .description('unresolved and doubtful matches of imported places, worst first')
    .option('--limit <n>', 'how many to list', '50')
    .action(async (options: { limit: string }, command: Command) => {
      const { reportReconcile } = await import('../actions/report.js');
      await reportReconcile(io, command.optsWithGlobals<GlobalOptions>(), options.limit);
    });
  report
    .command('conflicts')
    .description('links flagged as clashing with an exclusive twinning (Paris beside Paris–Rome)')
    .action(async (_options: unknown, command: Command) => {
      const { reportConflicts } = await import('../actions/report.js');
      await reportConflicts(io, command.optsWithGlobals<GlobalOptions>());
    });
}
