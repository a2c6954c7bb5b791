import type { Kysely } from 'kysely';
import type { LinkKind } from '../core/link.js';
import type { Term } from '../core/terminology.js';
import type { DB } from './schema.js';

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
