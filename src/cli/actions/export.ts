import { TwinningError } from '../../core/errors.js';
import { toGraphml, toTsv } from '../../analysis/graph-export.js';
import { buildTwinGraph } from '../../analysis/twin-graph.js';
import { csvLine, csvRecord } from '../../export/csv.js';
import { exportLocalities, LOCALITY_COLUMNS } from '../../export/export-localities.js';
import { linkCsvHeader, linkCsvLine } from '../../export/link-csv.js';
import { allLinkRows } from '../../export/link-rows.js';
import { loadNetworkInput } from '../../registry/network/input.js';
import { today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';
import type { NetworkOptions } from '../network-options.js';
import { networkQuery } from './network-query.js';

/** The options of `twinning export`, as commander hands them over. */
export type ExportOptions = NetworkOptions & { format: string };

/** Writes exactly the edge list the network metrics run on, for the same date and filters. */
async function exportGraph(io: CliIo, globals: GlobalOptions, options: ExportOptions): Promise<void> {
  if (options.format !== 'tsv' && options.format !== 'graphml') {
    throw new TwinningError('InvalidInput', `"${options.format}" is not a graph format; use tsv or graphml`, {
      field: '--format',
    });
  }
  const query = await networkQuery(options);
  const { input } = await withRegistry(globals, ({ db }) => loadNetworkInput(db, query, today()));
  const graph = buildTwinGraph(input);
  io.out((options.format === 'tsv' ? toTsv(graph) : toGraphml(graph)).trimEnd());
}

/**
 * Writes localities or links as CSV (the same writer and, for links, the same columns as the API's export)
 * or as JSON lines with --json, or the network graph (`twinning export localities|links|graph`).
 */
export async function exportData(
  io: CliIo,
  globals: GlobalOptions,
  what: string,
  options: ExportOptions,
): Promise<void> {
  if (what === 'graph') return exportGraph(io, globals, options);
  if (what !== 'localities' && what !== 'links') {
    throw new TwinningError('InvalidInput', `"${what}" cannot be exported; use localities, links or graph`, {
      field: 'what',
    });
  }
  await withRegistry(globals, async ({ db }) => {
    if (what === 'localities') {
      if (!globals.json) io.out(csvLine(LOCALITY_COLUMNS));
      for await (const row of exportLocalities(db))
        io.out(globals.json ? JSON.stringify(row) : csvRecord(LOCALITY_COLUMNS, row));
      return;
    }
    if (!globals.json) io.out(linkCsvHeader());
    for await (const row of allLinkRows(db, today()))
      io.out(globals.json ? JSON.stringify(row) : linkCsvLine(row));
  });
}
