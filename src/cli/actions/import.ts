import path from 'node:path';
import { TwinningError } from '../../core/errors.js';
import { parseColumnMapping } from '../../ingest/sources/column-mapping.js';
import { openSource } from '../../ingest/sources/open-source.js';
import { runImport, type ImportSummary } from '../../ingest/import/run-import.js';
import { defaultSource } from '../../ingest/import/default-source.js';
import { liveWikidataRecords } from '../../ingest/live/live-wikidata.js';
import { createProgress, SILENT } from '../../ingest/progress.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../ingest/sources/records.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** The options of `twinning import`, as commander hands them over. */
export interface ImportOptions {
  labels?: string;
  nodes?: string;
  map?: string;
  delimiter?: string;
  directed?: boolean;
  source?: string;
  title?: string;
  live?: boolean;
  endpoint?: string;
  pageSize?: string;
  pauseMs?: string;
  retries?: string;
}

/** The summary as a few lines a person reads. */
export function describeSummary(s: ImportSummary): string[] {
  const methods = Object.entries(s.byMethod)
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  return [
    `Imported ${s.source} (${s.format}) in ${s.seconds} s: ${s.rowsRead} rows read, ${s.statements} statements, ${s.pairs} pairs.`,
    `Links: ${s.linksCreated} created, ${s.linksConfirmed} confirmed from other sources, ${s.statementsMerged} statements merged, ${s.oneSided} one-sided, ${s.selfPairs} self-pairs skipped, ${s.eventsAdded} events added.`,
    `Places: ${s.placesSeen} seen, ${s.placesNew} new, ${s.localitiesCreated} localities created; matched by ${methods || 'nothing new'}; ${s.unresolved} unresolved, ${s.doubtful} doubtful.`,
  ];
}

function spec(format: string, file: string | undefined, o: ImportOptions) {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new TwinningError(
      'InvalidInput',
      `"${format}" is not a format; use one of ${IMPORT_FORMATS.join(', ')}, or wikidata --live`,
      { field: 'format' },
    );
  }
  if (file === undefined)
    throw new TwinningError('InvalidInput', `import ${format} needs a file`, { field: 'path' });
  return {
    format: format as ImportFormat,
    path: file,
    companion: o.labels ?? o.nodes,
    ...(o.map ? { mapping: parseColumnMapping(o.map) } : {}),
    delimiter: o.delimiter,
    directed: o.directed,
  };
}

/** Imports a file, or Wikidata live, in one transaction and prints what it did (`twinning import`). */
export async function importSource(
  io: CliIo,
  globals: GlobalOptions,
  format: string,
  file: string | undefined,
  options: ImportOptions,
): Promise<void> {
  const progress = globals.json ? SILENT : createProgress('rows', process.stderr);
  const live = format === 'wikidata' && options.live === true;
  const records = live
    ? liveWikidataRecords({
        endpoint: options.endpoint!,
        pageSize: Number(options.pageSize),
        pauseMs: Number(options.pauseMs),
        retries: Number(options.retries),
        log: (m) => (globals.json ? undefined : io.err(m)),
      })
    : openSource(spec(format, file, options));
  const source = defaultSource(
    live ? 'wikidata-sparql' : (format as ImportFormat),
    live ? options.endpoint! : path.resolve(file!),
    options,
  );
  const summary = await withRegistry(globals, (database) =>
    runImport(
      database,
      live ? 'wikidata-sparql' : (format as ImportFormat),
      records,
      source,
      progress,
      (phase) => (globals.json ? undefined : io.err(`import: ${phase}`)),
      (places) => (globals.json ? SILENT : createProgress('matching places', process.stderr, places)),
    ),
  );
  if (globals.json) return printJson(io, summary);
  describeSummary(summary).forEach((line) => io.out(line));
}
