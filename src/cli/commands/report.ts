import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning report reconcile`: unresolved and doubtful matches, worst first, for a person to fix. */
export function registerReport(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('reports for people who keep the registry')
    .command('reconcile')
    .description('unresolved and doubtful matches of imported places, worst first')
    .option('--limit <n>', 'how many to list', '50')
    .action(async (options: { limit: string }, command: Command) => {
      const { reportReconcile } = await import('../actions/report.js');
      await reportReconcile(io, command.optsWithGlobals<GlobalOptions>(), options.limit);
    });
}
