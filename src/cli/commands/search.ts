import type { Command } from 'commander';
import { searchLocalities } from '../../registry/locality/find.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** `twinning search <text>`: localities by any name, case- and accent-insensitive. */
export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('find localities by any name in any language, historical names included')
    .argument('<text>', 'part of a name; case and accents do not matter')
    .option('--limit <n>', 'at most this many results', '20')
    .action(async (text: string, options: { limit: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const results = await withRegistry(globals, ({ db }) =>
        searchLocalities(db, text, Number(options.limit) || 20),
      );
      if (globals.json) return printJson(io, results);
      if (results.length === 0) io.out(`No locality matches "${text}".`);
      for (const r of results) {
        const via = r.matched !== r.name ? ` (matched "${r.matched}")` : '';
        io.out(`${r.name}${r.country ? ` (${r.country})` : ''} [${r.key}] ${r.kind}${via}`);
      }
    });
}
