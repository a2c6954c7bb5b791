import type { Kysely } from 'kysely';
import { exclusiveClash, exclusiveConflictNote } from '../../core/exclusive-conflicts.js';
import { isLive } from '../../core/exclusivity.js';
import type { LinkKind } from '../../core/link.js';
import { statusAt } from '../../core/link-lifecycle.js';
import type { PartialDate } from '../../core/partial-date.js';
import { linksById } from '../../store/link.repository.js';
import type { DB } from '../../store/schema.js';
import { chunks } from '../../store/chunks.js';

/** The parties of live exclusive twinnings: each party's id with its exclusive link and partner. */
async function exclusiveParties(
  db: Kysely<DB>,
  today: PartialDate,
): Promise<Map<number, { linkId: number; partnerId: number }>> {
  const rows = await db.selectFrom('links').select('id').where('exclusive', '=', 1).execute();
  const out = new Map<number, { linkId: number; partnerId: number }>();
  for (const link of await linksById(
    db,
    rows.map((r) => r.id),
  )) {
    if (!isLive(statusAt(link.events, undefined, today).status)) continue;
    out.set(link.aId, { linkId: link.id, partnerId: link.bId });
    out.set(link.bId, { linkId: link.id, partnerId: link.aId });
  }
  return out;
}

/**
 * Flags the links an import created that clash with a live exclusive twinning of either party (an imported
 * Paris link beside Paris–Rome): each is kept, marked unverified, with a note saying which twinning it
 * clashes with and why (see exclusiveClash). Returns how many it flagged.
 */
export async function flagExclusiveConflicts(
  db: Kysely<DB>,
  created: ReadonlySet<number>,
  source: string,
  today: PartialDate,
): Promise<number> {
  const parties = await exclusiveParties(db, today);
  if (parties.size === 0 || created.size === 0) return 0;
  const partyIds = [...parties.keys()];
  const touching: { id: number; a_id: number; b_id: number; kind: string | null }[] = [];
  for (const part of chunks([...created], 400)) {
    touching.push(
      ...(await db
        .selectFrom('links')
        .select(['id', 'a_id', 'b_id', 'kind'])
        .where('id', 'in', part)
        .where((eb) => eb.or([eb('a_id', 'in', partyIds), eb('b_id', 'in', partyIds)]))
        .execute()),
    );
  }
  if (touching.length === 0) return 0;
  const ids = [...new Set([...touching.flatMap((l) => [l.a_id, l.b_id]), ...partyIds])];
  const keys = new Map(
    (await db.selectFrom('localities').select(['id', 'key']).where('id', 'in', ids).execute()).map((r) => [
      r.id,
      r.key,
    ]),
  );
  let flagged = 0;
  for (const link of touching) {
    const party = parties.has(link.a_id) ? link.a_id : link.b_id;
    const { linkId, partnerId } = parties.get(party)!;
    const clash = exclusiveClash((link.kind ?? undefined) as LinkKind | undefined);
    if (link.id === linkId || clash === 'allowed') continue;
    await db
      .updateTable('links')
      .set({
        unverified: 1,
        notes: exclusiveConflictNote(keys.get(party)!, keys.get(partnerId)!, clash, source),
      })
      .where('id', '=', link.id)
      .execute();
    flagged++;
  }
  return flagged;
}
