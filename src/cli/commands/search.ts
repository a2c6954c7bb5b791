import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning search <text>`: localities by any name, case- and accent-insensitive. */
export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('find localities by any name in any language, historical names included')
    .argument('<text>', 'part of a name; case and accents do not matter')
    .option('--limit <n>', 'at most this many results', '20')
    .action(async (text: string, options: { limit: string }, command: Command) => {
      const { search } = await import('../actions/search.js');
      await search(io, command.optsWithGlobals<GlobalOptions>(), text, options.limit);
    });
}
