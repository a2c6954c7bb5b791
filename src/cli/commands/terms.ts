import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning terms [--lang L]`: the words for twinning, by language. */
export function registerTerms(program: Command, io: CliIo): void {
  program
    .command('terms')
    .description('the terms for a twinning in each language and country')
    .option('--lang <code>', 'only this language (BCP 47, e.g. de, zh)')
    .action(async (options: { lang?: string }, command: Command) => {
      const { showTerms } = await import('../actions/terms.js');
      await showTerms(io, command.optsWithGlobals<GlobalOptions>(), options.lang);
    });
}
