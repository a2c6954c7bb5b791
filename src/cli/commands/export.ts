import type { Command } from 'commander';
import { TwinningError } from '../../core/errors.js';
import { csvLine } from '../../export/csv-line.js';
import { exportLinks, LINK_COLUMNS } from '../../export/export-links.js';
import { exportLocalities, LOCALITY_COLUMNS } from '../../export/export-localities.js';
import { toGraphml, toTsv } from '../../analysis/graph-export.js';
import { buildTwinGraph } from '../../analysis/twin-graph.js';
import { loadNetworkInput } from '../../registry/network/input.js';
import { today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';
import { networkQuery, withNetworkOptions, type NetworkOptions } from '../network-options.js';

function cell(value: unknown): string | number | boolean | null {
  if (Array.isArray(value)) return value.join(' | ');
  return value as string | number | boolean | null;
}

type ExportOptions = NetworkOptions & { format: string };

/** Writes exactly the edge list the network metrics run on, for the same date and filters. */
async function exportGraph(io: CliIo, globals: GlobalOptions, options: ExportOptions): Promise<void> {
  if (options.format !== 'tsv' && options.format !== 'graphml') {
    throw new TwinningError('InvalidInput', `"${options.format}" is not a graph format; use tsv or graphml`, {
      field: '--format',
    });
  }
  const query = networkQuery(options);
  const { input } = await withRegistry(globals, ({ db }) => loadNetworkInput(db, query, today()));
  const graph = buildTwinGraph(input);
  io.out((options.format === 'tsv' ? toTsv(graph) : toGraphml(graph)).trimEnd());
}

/** `twinning export localities|links|graph`: CSV on standard output (JSON lines with --json); the graph as TSV or GraphML. */
export function registerExport(program: Command, io: CliIo): void {
  withNetworkOptions(program.command('export'))
    .description(
      'write localities or links as CSV (JSON lines with --json), or the network graph as TSV or GraphML',
    )
    .argument('<what>', 'localities | links | graph')
    .option('--format <format>', 'graph: tsv or graphml', 'tsv')
    .action(async (what: string, options: ExportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (what === 'graph') return exportGraph(io, globals, options);
      if (what !== 'localities' && what !== 'links') {
        throw new TwinningError(
          'InvalidInput',
          `"${what}" cannot be exported; use localities, links or graph`,
          {
            field: 'what',
          },
        );
      }
      await withRegistry(globals, async ({ db }) => {
        const columns: readonly string[] = what === 'localities' ? LOCALITY_COLUMNS : LINK_COLUMNS;
        const rows: AsyncIterable<object> =
          what === 'localities' ? exportLocalities(db) : exportLinks(db, today());
        if (!globals.json) io.out(csvLine(columns));
        for await (const row of rows) {
          const record = row as Record<string, unknown>;
          io.out(globals.json ? JSON.stringify(record) : csvLine(columns.map((c) => cell(record[c]))));
        }
      });
    });
}
