import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import type { BundledDataset } from './read-bundled-dataset.js';
import { insertAssociation, insertMembership } from '../../store/writes/association.js';
import { insertLocality } from '../../store/writes/locality.js';
import type { DB } from '../../store/schema.js';
import { insertCitations, upsertSources } from '../../store/writes/source.js';
import { insertTerm } from '../../store/writes/term.js';
import { addLink } from '../link/insert-checked.js';
import { BUNDLED_META_KEY } from './seeded.js';

/** Counts of what a seeding wrote. */
export interface SeedSummary {
  sources: number;
  localities: number;
  links: number;
  events: number;
  associations: number;
  terms: number;
}

/** Writes the whole bundled dataset in one transaction: all of it, or (on any error) none of it. */
export async function seedRegistry(
  db: Kysely<DB>,
  data: BundledDataset,
  today: PartialDate,
): Promise<SeedSummary> {
  return db.transaction().execute(async (trx) => {
    const sourceIds = await upsertSources(trx, data.sources);
    const localityIds = new Map<string, number>();
    for (const loc of data.localities) {
      const id = await insertLocality(trx, loc, null);
      localityIds.set(loc.key, id);
      await insertCitations(trx, 'locality', id, loc.citations, sourceIds);
    }
    const idOf = (key: string): number => {
      const id = localityIds.get(key);
      if (id === undefined) throw new TwinningError('LocalityNotFound', `no locality has the key "${key}"`);
      return id;
    };
    for (const loc of data.localities) {
      if (loc.parentKey)
        await trx
          .updateTable('localities')
          .set({ parent_id: idOf(loc.parentKey) })
          .where('id', '=', idOf(loc.key))
          .execute();
    }
    for (const link of data.links) {
      try {
        await addLink(trx, link, { aId: idOf(link.aKey), bId: idOf(link.bKey) }, sourceIds, today);
      } catch (error) {
        if (error instanceof TwinningError) {
          throw new TwinningError(
            error.code,
            `link ${link.aKey}–${link.bKey}: ${error.message}`,
            error.location,
          );
        }
        throw error;
      }
    }
    for (const assoc of data.associations) {
      const id = await insertAssociation(trx, assoc);
      await insertCitations(trx, 'association', id, assoc.citations, sourceIds);
      for (const m of assoc.members) {
        const membershipId = await insertMembership(trx, {
          associationId: id,
          localityId: idOf(m.localityKey),
          from: m.from && formatPartialDate(m.from),
          to: m.to && formatPartialDate(m.to),
          role: m.role,
        });
        await insertCitations(trx, 'membership', membershipId, m.citations, sourceIds);
      }
    }
    for (const term of data.terms) {
      const id = await insertTerm(trx, term);
      await insertCitations(trx, 'term', id, term.citations, sourceIds);
    }
    await trx.insertInto('meta').values({ key: BUNDLED_META_KEY, value: new Date().toISOString() }).execute();
    return {
      sources: data.sources.length,
      localities: data.localities.length,
      links: data.links.length,
      events: data.links.reduce((n, l) => n + l.events.length, 0),
      associations: data.associations.length,
      terms: data.terms.length,
    };
  });
}
