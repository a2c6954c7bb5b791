import type { Kysely } from 'kysely';
import { foldText } from '../../core/text-fold.js';
import type { DB } from '../../store/schema.js';
import { indexUnindexedNames } from '../../store/writes/name-index.js';

/** The GeoNames ids that localities hold. */
export async function matchedGeonamesIds(db: Kysely<DB>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('localities')
    .select('geonames_id')
    .where('geonames_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.geonames_id!));
}

/**
 * Gives every locality holding one of these GeoNames ids the names the gazetteer holds for that place (Рим,
 * 罗马, Rom for Rome) as further names: language `und`, not primary, indexed for search. Names it already
 * bears (folded) are skipped. Runs in the caller's transaction; returns how many names it added. Used while
 * building the world snapshot, before any person edits the registry, so no version or audit row is written.
 */
export async function addAlternateNames(
  db: Kysely<DB>,
  namesByGeonamesId: ReadonlyMap<number, readonly string[]>,
): Promise<number> {
  const localities = await db
    .selectFrom('localities')
    .select(['id', 'geonames_id'])
    .where('geonames_id', 'is not', null)
    .orderBy('id')
    .execute();
  const known = new Map<number, Set<string>>();
  for (const n of await db.selectFrom('locality_names').select(['locality_id', 'folded']).execute())
    known.set(n.locality_id, (known.get(n.locality_id) ?? new Set()).add(n.folded));
  const rows = [];
  for (const l of localities) {
    const names = known.get(l.id) ?? new Set<string>();
    for (const name of namesByGeonamesId.get(l.geonames_id!) ?? []) {
      const folded = foldText(name);
      if (folded === '' || names.has(folded)) continue;
      names.add(folded);
      rows.push({
        locality_id: l.id,
        name,
        folded,
        lang: 'und',
        valid_from: null,
        valid_to: null,
        is_primary: 0,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('locality_names')
      .values(rows.slice(i, i + 2000))
      .execute();
  await indexUnindexedNames(db);
  return rows.length;
}
