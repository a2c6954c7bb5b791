import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning init`: creates the database, applies migrations and loads the bundled dataset once. */
export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description(
      'create the database and load the world registry (the bundled dataset and data/sources, from data/world), once',
    )
    .option('--bundled-only', 'load only the small hand-written dataset of data/ (as the tests do)')
    .action(async (_options: object, command: Command) => {
      const { init } = await import('../actions/init.js');
      await init(io, command.optsWithGlobals<GlobalOptions & { bundledOnly?: boolean }>());
    });
}
