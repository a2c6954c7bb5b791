import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning locality <name> [--as-of DATE]`: a place's partners with kind and status at a date. */
export function registerLocality(program: Command, io: CliIo): void {
  program
    .command('locality')
    .description("a locality's partners, each with its kind and status at a date, names as they were then")
    .argument('<name>', 'a name in any language (historical names too) or a locality key')
    .option('--as-of <date>', 'the date to show (YYYY, YYYY-MM or YYYY-MM-DD); default today')
    .option('--country <code>', 'ISO 3166-1 alpha-2 code, to tell places of the same name apart')
    .action(async (name: string, options: { asOf?: string; country?: string }, command: Command) => {
      const { showLocality } = await import('../actions/locality.js');
      await showLocality(io, command.optsWithGlobals<GlobalOptions>(), name, options);
    });
}
