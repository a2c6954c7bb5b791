import type { Kysely } from 'kysely';
import { assertExclusivityAllows, type LinkStanding } from '../../core/exclusivity.js';
import { statusAt } from '../../core/link-lifecycle.js';
import type { PartialDate } from '../../core/partial-date.js';
import { linksOfLocality } from '../../store/link.repository.js';
import { lockLocalities } from '../../store/writes/locality.js';
import type { DB } from '../../store/schema.js';

/**
 * Refuses a new or changed link (its standing given with locality keys) that an exclusive twinning of
 * either side forbids, judged by every other link of its two localities as they stand today. It locks
 * both localities first, so a concurrent write about either waits until this transaction ends.
 */
export async function assertExclusivityAround(
  db: Kysely<DB>,
  candidate: LinkStanding,
  ids: { aId: number; bId: number; linkId?: number },
  today: PartialDate,
): Promise<void> {
  await lockLocalities(db, [ids.aId, ids.bId]);
  const seen = new Set<number>(ids.linkId === undefined ? [] : [ids.linkId]);
  const others = [...(await linksOfLocality(db, ids.aId)), ...(await linksOfLocality(db, ids.bId))].filter(
    (link) => !seen.has(link.id) && seen.add(link.id),
  );
  const involved = [...new Set(others.flatMap((o) => [o.aId, o.bId]))];
  const rows = involved.length
    ? await db.selectFrom('localities').select(['id', 'key']).where('id', 'in', involved).execute()
    : [];
  const keys = new Map(rows.map((r) => [r.id, r.key]));
  const keyOf = (id: number): string => keys.get(id) ?? `locality ${id}`;
  assertExclusivityAllows(
    candidate,
    others.map((o) => ({
      aKey: keyOf(o.aId),
      bKey: keyOf(o.bId),
      exclusive: o.exclusive,
      status: statusAt(o.events, undefined, today).status,
    })),
  );
}
