import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { linkWithKeys, snapshotLink } from './snapshot.js';
import { versionedWrite } from '../versioned-write.js';
import { assertVersion, type WriteContext } from '../write-context.js';

/** A link as a write found it: the stored link and its two localities' keys. */
export type LinkBefore = Awaited<ReturnType<typeof linkWithKeys>>;

/** Reads a link for a write: the caller must be allowed to edit both sides, and must have read this version. */
export async function linkForWrite(
  trx: Kysely<DB>,
  linkId: number,
  expectedVersion: number,
  context: WriteContext,
): Promise<LinkBefore> {
  const before = await linkWithKeys(trx, linkId);
  context.authorize({
    localities: [
      { key: before.aKey, country: before.aCountry },
      { key: before.bKey, country: before.bCountry },
    ],
  });
  assertVersion(`link ${linkId}`, before.link.version, expectedVersion);
  return before;
}

/**
 * A write to a link read by linkForWrite, through the versioned-write step: bumps its version from the one the
 * writer read (Conflict when it moved), applies the change, and records the link before and after.
 */
export async function writeLink(
  trx: Kysely<DB>,
  before: LinkBefore,
  step: { action: string; expectedVersion: number; context: WriteContext; apply: () => Promise<void> },
): Promise<void> {
  const { link, aKey, bKey } = before;
  await versionedWrite(
    trx,
    { entity: 'link', id: link.id, key: null },
    {
      action: step.action,
      actor: step.context.actor,
      expectedVersion: step.expectedVersion,
      before: snapshotLink(link, aKey, bKey),
      apply: step.apply,
      after: async () => {
        const after = await linkWithKeys(trx, link.id);
        return snapshotLink(after.link, aKey, bKey);
      },
    },
  );
}
