import { userInfo } from 'node:os';
import { TwinningError } from '../../core/errors.js';
import { mergeByHand, unmergeByHand } from '../../registry/locality/fix-by-hand.js';
import { resolveLocality } from '../../registry/locality/resolve.js';
import { cliActor } from '../../registry/versioned-write.js';
import type { AuditActor } from '../../store/audit.repository.js';
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

/** Merges a locality into another that is the same place, recorded and reversible (`twinning locality merge`). */
export async function merge(
  io: CliIo,
  globals: GlobalOptions,
  kept: string,
  other: string,
  by: string | undefined,
): Promise<void> {
  const { mergeId } = await withRegistry(globals, ({ db }) =>
    db.transaction().execute((trx) => mergeByHand(trx, id(kept, 'kept'), id(other, 'other'), who(by))),
  );
  if (globals.json) return printJson(io, { mergeId, kept: Number(kept), merged: Number(other) });
  io.out(
    `Merged locality ${other} into ${kept} (merge ${mergeId}; undo with twinning locality unmerge ${mergeId}).`,
  );
}

/** Undoes a recorded merge (`twinning locality unmerge`). */
export async function unmerge(
  io: CliIo,
  globals: GlobalOptions,
  mergeId: string,
  by: string | undefined,
): Promise<void> {
  const undone = await withRegistry(globals, ({ db }) =>
    db.transaction().execute((trx) => unmergeByHand(trx, id(mergeId, 'merge-id'), who(by))),
  );
  if (globals.json) return printJson(io, undone);
  io.out(`Undid merge ${mergeId}: locality ${undone.mergedId} is back beside ${undone.keptId}.`);
}

/** Records which GeoNames place a locality is (`twinning locality resolve`). */
export async function resolve(
  io: CliIo,
  globals: GlobalOptions,
  localityId: string,
  geonamesId: string,
  by: string | undefined,
): Promise<void> {
  const outcome = await withRegistry(globals, ({ db }) =>
    db
      .transaction()
      .execute((trx) => resolveLocality(trx, id(localityId, 'id'), id(geonamesId, 'geonames-id'), who(by))),
  );
  if (globals.json) return printJson(io, outcome);
  const merged = outcome.mergedInto
    ? `; it was already locality ${outcome.mergedInto}, so the two were merged (merge ${outcome.mergeId})`
    : '';
  io.out(`Locality ${localityId} is GeoNames ${geonamesId}${merged}.`);
}
