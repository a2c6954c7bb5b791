import type { Kysely } from 'kysely';
import { insertAudit } from '../../store/writes/audit.js';
import type { DB } from '../../store/schema.js';
import { linkWithKeys, snapshotLink } from './snapshot.js';
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

/** Records a write to a link in the audit log: who, when, and the link before and after. */
export async function auditLinkWrite(
  trx: Kysely<DB>,
  before: LinkBefore,
  action: string,
  context: WriteContext,
  at: string,
): Promise<void> {
  const { link, aKey, bKey } = before;
  const after = await linkWithKeys(trx, link.id);
  await insertAudit(trx, {
    entityType: 'link',
    entityId: link.id,
    entityKey: null,
    action,
    actor: context.actor,
    at,
    version: after.link.version,
    before: snapshotLink(link, aKey, bKey),
    after: snapshotLink(after.link, aKey, bKey),
  });
}
