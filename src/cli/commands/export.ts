import type { Command } from 'commander';
import type { ExportOptions } from '../actions/export.js';
import type { CliIo, GlobalOptions } from '../context.js';
import { withNetworkOptions } from '../network-options.js';

/** `twinning export localities|links|graph`: CSV on standard output (JSON lines with --json); the graph as TSV or GraphML. */
export function registerExport(program: Command, io: CliIo): void {
  withNetworkOptions(program.command('export'))
    .description(
      'write localities or links as CSV (JSON lines with --json), or the network graph as TSV or GraphML',
    )
    .argument('<what>', 'localities | links | graph')
    .option('--format <format>', 'graph: tsv or graphml', 'tsv')
    .action(async (what: string, options: ExportOptions, command: Command) => {
      const { exportData } = await import('../actions/export.js');
      await exportData(io, command.optsWithGlobals<GlobalOptions>(), what, options);
    });
}
