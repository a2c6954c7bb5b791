import path from 'node:path';
import type { Command } from 'commander';
import { TwinningError } from '../../core/errors.js';
import { parseColumnMapping } from '../../ingest/sources/column-mapping.js';
import { openSource } from '../../ingest/sources/open-source.js';
import { runImport, type ImportSummary } from '../../ingest/import/run-import.js';
import { defaultSource } from '../../ingest/import/default-source.js';
import { liveWikidataRecords } from '../../ingest/live/live-wikidata.js';
import { createProgress, SILENT } from '../../ingest/progress.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../ingest/sources/records.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

interface ImportOptions {
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

/** `twinning import <format> <path>` and `twinning import wikidata --live`: imports a source in one transaction. */
export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description(`import twinnings from a file (${IMPORT_FORMATS.join(', ')}) or from Wikidata live`)
    .argument('<format>', `${IMPORT_FORMATS.join(' | ')} | wikidata (with --live)`)
    .argument('[path]', 'the file to import')
    .option('--labels <file>', 'wikidata-relations: the label file (Q-id<TAB>label)')
    .option('--nodes <file>', 'wikidata-nodes: the node file (id name lng lat country countrycd continent)')
    .option(
      '--map <mapping>',
      'csv: columns, e.g. a=city1,a.country=country1,b=city2,b.country=country2,start=since',
    )
    .option('--delimiter <char>', 'csv: the field delimiter', ',')
    .option('--directed', 'csv: each row says side a lists side b')
    .option(
      '--source <key>',
      'the source key the links are recorded under (default from the format and file name)',
    )
    .option('--title <title>', "the source's title")
    .option('--live', 'wikidata: ask the Wikidata Query Service for every P190 statement')
    .option('--endpoint <url>', 'wikidata --live: the SPARQL endpoint', 'https://query.wikidata.org/sparql')
    .option('--page-size <n>', 'wikidata --live: statements per request', '10000')
    .option('--retries <n>', 'wikidata --live: retries of a failed request, with exponential backoff', '5')
    .option('--pause-ms <ms>', 'wikidata --live: pause between requests, to be polite', '1000')
    .action(async (format: string, file: string | undefined, options: ImportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
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
    });
}
