import type { Command } from 'commander';
import type { CliIo, GlobalOptions } from '../context.js';

/**
 * `twinning locality merge <kept> <other>`, `locality unmerge <merge-id>` and `locality resolve <id> <geonames-id>`:
 * a person's fixes, recorded with who and when, kept across re-imports. Added beneath the `locality` command.
 */
export function registerLocalityFixes(program: Command, io: CliIo): void {
  const locality = program.commands.find((c) => c.name() === 'locality') ?? program.command('locality');
  locality
    .command('merge')
    .description('merge a locality into another that is the same place (recorded, reversible)')
    .argument('<kept>', 'id of the locality to keep')
    .argument('<other>', 'id of the locality merged into it')
    .option('--by <name>', 'who is fixing (default $TWINNING_USER or the login name)')
    .action(async (kept: string, other: string, options: { by?: string }, command: Command) => {
      const { merge } = await import('../actions/locality-fixes.js');
      await merge(io, command.optsWithGlobals<GlobalOptions>(), kept, other, options.by);
    });
  locality
    .command('unmerge')
    .description('undo a recorded merge')
    .argument('<merge-id>', 'the merge to undo')
    .option('--by <name>', 'who is fixing (default $TWINNING_USER or the login name)')
    .action(async (mergeId: string, options: { by?: string }, command: Command) => {
      const { unmerge } = await import('../actions/locality-fixes.js');
      await unmerge(io, command.optsWithGlobals<GlobalOptions>(), mergeId, options.by);
    });
  locality
    .command('resolve')
    .description('say which GeoNames place a locality is (kept across re-imports)')
    .argument('<id>', 'the locality id')
    .argument('<geonames-id>', 'the GeoNames id')
    .option('--by <name>', 'who is fixing (default $TWINNING_USER or the login name)')
    .action(async (localityId: string, geonamesId: string, options: { by?: string }, command: Command) => {
      const { resolve } = await import('../actions/locality-fixes.js');
      await resolve(io, command.optsWithGlobals<GlobalOptions>(), localityId, geonamesId, options.by);
    });
}
