import type { Kysely } from 'kysely';
import type { Term } from '../../core/terminology.js';
import type { DB } from '../schema.js';

/** Inserts a term; returns its id. */
export async function insertTerm(db: Kysely<DB>, t: Omit<Term, 'citations'>): Promise<number> {
  const { id } = await db
    .insertInto('terms')
    .values({
      term: t.term,
      lang: t.lang,
      romanized: t.romanized ?? null,
      country: t.country ?? null,
      meaning: t.meaning,
      link_kind: t.linkKind ?? null,
      notes: t.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
