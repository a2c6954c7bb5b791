import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning link <A> <B>`: the timeline of one link with its sources. */
export function registerLink(program: Command, io: CliIo): void {
  program
    .command('link')
    .description('the timeline of the link between two localities, with sources')
    .argument('<a>', 'first locality: name or key')
    .argument('<b>', 'second locality: name or key')
    .action(async (a: string, b: string, _options: object, command: Command) => {
      const { showLink } = await import('../actions/link.js');
      await showLink(io, command.optsWithGlobals<GlobalOptions>(), a, b);
    });
}
