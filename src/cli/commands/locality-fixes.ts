import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { AuditActor } from '../../store/audit.repository.js';
import { TwinningError } from '../../core/errors.js';
import { mergeByHand, unmergeByHand } from '../../registry/locality/fix-by-hand.js';
import { resolveLocality } from '../../registry/locality/resolve.js';
import { cliActor } from '../../registry/versioned-write.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

function id(text: string, field: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new TwinningError('InvalidInput', `"${text}" is not an id (a positive whole number)`, { field });
  return value;
}

function who(given: string | undefined): AuditActor {
  return cliActor(given ?? process.env.TWINNING_USER ?? userInfo().username);
}

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
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { mergeId } = await withRegistry(globals, ({ db }) =>
        db
          .transaction()
          .execute((trx) => mergeByHand(trx, id(kept, 'kept'), id(other, 'other'), who(options.by))),
      );
      if (globals.json) return printJson(io, { mergeId, kept: Number(kept), merged: Number(other) });
      io.out(
        `Merged locality ${other} into ${kept} (merge ${mergeId}; undo with twinning locality unmerge ${mergeId}).`,
      );
    });
  locality
    .command('unmerge')
    .description('undo a recorded merge')
    .argument('<merge-id>', 'the merge to undo')
    .option('--by <name>', 'who is fixing (default $TWINNING_USER or the login name)')
    .action(async (mergeId: string, options: { by?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const undone = await withRegistry(globals, ({ db }) =>
        db.transaction().execute((trx) => unmergeByHand(trx, id(mergeId, 'merge-id'), who(options.by))),
      );
      if (globals.json) return printJson(io, undone);
      io.out(`Undid merge ${mergeId}: locality ${undone.mergedId} is back beside ${undone.keptId}.`);
    });
  locality
    .command('resolve')
    .description('say which GeoNames place a locality is (kept across re-imports)')
    .argument('<id>', 'the locality id')
    .argument('<geonames-id>', 'the GeoNames id')
    .option('--by <name>', 'who is fixing (default $TWINNING_USER or the login name)')
    .action(async (localityId: string, geonamesId: string, options: { by?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const outcome = await withRegistry(globals, ({ db }) =>
        db
          .transaction()
          .execute((trx) =>
            resolveLocality(trx, id(localityId, 'id'), id(geonamesId, 'geonames-id'), who(options.by)),
          ),
      );
      if (globals.json) return printJson(io, outcome);
      const merged = outcome.mergedInto
        ? `; it was already locality ${outcome.mergedInto}, so the two were merged (merge ${outcome.mergeId})`
        : '';
      io.out(`Locality ${localityId} is GeoNames ${geonamesId}${merged}.`);
    });
}
