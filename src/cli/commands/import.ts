import type { Command } from 'commander';
import { IMPORT_FORMATS } from '../../ingest/sources/records.js';
import type { CliIo, GlobalOptions } from '../context.js';
import type { ImportOptions } from '../actions/import.js';

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
      const { importSource } = await import('../actions/import.js');
      await importSource(io, command.optsWithGlobals<GlobalOptions>(), format, file, options);
    });
}
