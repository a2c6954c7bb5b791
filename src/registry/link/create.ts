import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { Link } from '../../core/link.js';
import { isUniqueViolation } from '../../store/constraint-errors.js';
import type { DB } from '../../store/schema.js';
import { sourceIdsByKey } from '../../store/source.repository.js';
import { addLink } from './insert-checked.js';
import { assertRulesAllowNewLink } from '../policies/new-link-check.js';
import { linkWithKeys, snapshotLink } from './snapshot.js';
import { linkTimelineById, type LinkTimeline } from './timeline.js';
import { localityIdOfKey } from '../locality/view.js';
import { recordWrite } from '../versioned-write.js';
import { assertSourcesKnown, type WriteContext } from '../write-context.js';

/**
 * Creates a link between two localities (by key) with its events and citations, and its audit row, in
 * one transaction; the rules of addLink apply (no self-link, one link a pair, exclusivity, a coherent history).
 */
export async function createLink(db: Kysely<DB>, link: Link, context: WriteContext): Promise<LinkTimeline> {
  try {
    return await db.transaction().execute(async (trx) => {
      const aId = await localityIdOfKey(trx, link.aKey, 'a');
      const bId = await localityIdOfKey(trx, link.bKey, 'b');
      const sides = await trx
        .selectFrom('localities')
        .select(['id', 'country'])
        .where('id', 'in', [aId, bId])
        .execute();
      const countryOf = (id: number): string | null => sides.find((s) => s.id === id)?.country ?? null;
      context.authorize({
        localities: [
          { key: link.aKey, country: countryOf(aId) },
          { key: link.bKey, country: countryOf(bId) },
        ],
      });
      const sourceIds = await sourceIdsByKey(trx);
      assertSourcesKnown(link.citations, sourceIds, 'citations');
      link.events.forEach((e, i) => assertSourcesKnown(e.citations, sourceIds, `events[${i}].citations`));
      const linkId = await addLink(trx, link, { aId, bId }, sourceIds, context.today);
      await assertRulesAllowNewLink(trx, linkId, context.today);
      const stored = await linkWithKeys(trx, linkId);
      await recordWrite(
        trx,
        { entity: 'link', id: linkId, key: null },
        {
          action: 'create',
          actor: context.actor,
          version: stored.link.version,
          before: null,
          after: snapshotLink(stored.link, stored.aKey, stored.bKey),
        },
      );
      // Read in the transaction: the version returned is the one this write made, not a later writer's.
      return linkTimelineById(trx, linkId, context.today);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new TwinningError('DuplicateLink', `${link.aKey} and ${link.bKey} are already linked`, {
        field: 'b',
      });
    }
    throw error;
  }
}
