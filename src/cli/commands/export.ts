import type { Command } from 'commander';
import { TwinningError } from '../../core/errors.js';
import { csvLine } from '../../ingest/export/csv-line.js';
import { exportLinks, LINK_COLUMNS } from '../../ingest/export/export-links.js';
import { exportLocalities, LOCALITY_COLUMNS } from '../../ingest/export/export-localities.js';
import { today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

function cell(value: unknown): string | number | boolean | null {
  if (Array.isArray(value)) return value.join(' | ');
  return value as string | number | boolean | null;
}

/** `twinning export localities|links`: CSV on standard output, or JSON lines with --json. */
export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('write localities or links as CSV (JSON lines with --json)')
    .argument('<what>', 'localities | links')
    .action(async (what: string, _options: object, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (what !== 'localities' && what !== 'links') {
        throw new TwinningError('InvalidInput', `"${what}" cannot be exported; use localities or links`, {
          field: 'what',
        });
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
