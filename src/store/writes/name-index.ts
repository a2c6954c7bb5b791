import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { head, wordStarts } from '../name-index.repository.js';

/** A stored name to index, with its locality's population (the ranking key). */
export interface NameToIndex {
  id: number;
  folded: string;
  population: number | null;
}

/** The word rows of stored names, one per word start (the rows `indexNames` writes). */
export function wordRowsOf(names: readonly NameToIndex[]): Omit<DB['locality_name_words'], 'id'>[] {
  return names.flatMap((n) =>
    wordStarts(n.folded).map((word, position) => ({
      name_id: n.id,
      word,
      head1: head(word, 1),
      head2: head(word, 2),
      is_start: position === 0 ? 1 : 0,
      population: n.population ?? -1,
    })),
  );
}

/** Writes the word rows of these names (already stored in locality_names). */
export async function indexNames(db: Kysely<DB>, names: readonly NameToIndex[]): Promise<void> {
  const rows = wordRowsOf(names);
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('locality_name_words')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/**
 * Indexes the names written by anything that bypassed insertNames (names stored before migration 0003, bulk
 * imports); returns how many names it indexed. One anti-join on an indexed column when there is nothing to do
 * (about 40 ms on the world's 200,000 names). The words' copy of their locality's population is kept by triggers
 * (migration 0012), whoever writes it.
 */
export async function indexUnindexedNames(db: Kysely<DB>): Promise<number> {
  const missing = await db
    .selectFrom('locality_names as n')
    .innerJoin('localities as l', 'l.id', 'n.locality_id')
    .select(['n.id', 'n.folded', 'l.population'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('locality_name_words as w').select('w.id').whereRef('w.name_id', '=', 'n.id'))),
    )
    .execute();
  await indexNames(
    db,
    missing.map((m) => ({ ...m, population: m.population === null ? null : Number(m.population) })),
  );
  return missing.length;
}
