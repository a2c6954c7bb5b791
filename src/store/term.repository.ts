import type { Kysely } from 'kysely';
import type { LinkKind } from '../core/link.js';
import type { Term } from '../core/terminology.js';
import type { DB } from './schema.js';

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

/** Every stored term, without citations. */
export async function listTerms(db: Kysely<DB>): Promise<(Omit<Term, 'citations'> & { id: number })[]> {
  const rows = await db.selectFrom('terms').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    term: r.term,
    lang: r.lang,
    romanized: r.romanized ?? undefined,
    country: r.country ?? undefined,
    meaning: r.meaning,
    linkKind: (r.link_kind ?? undefined) as LinkKind | undefined,
    notes: r.notes ?? undefined,
  }));
}
