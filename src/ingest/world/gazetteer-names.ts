import type { Kysely } from 'kysely';
import { foldText } from '../../core/text-fold.js';
import type { Database } from '../../store/database.js';
import { indexUnindexedNames } from '../../store/name-index.repository.js';
import type { DB } from '../../store/schema.js';
import { readGeoNames } from '../gazetteer/geonames-parser.js';
import type { Progress } from '../progress.js';

interface NameRow {
  locality_id: number;
  name: string;
  folded: string;
  lang: string;
  valid_from: null;
  valid_to: null;
  is_primary: number;
}

/** Each GeoNames id held by a locality, with the localities holding it and the folded names they already bear. */
async function matchedLocalities(
  db: Kysely<DB>,
): Promise<{ byGeonames: Map<number, number[]>; known: Map<number, Set<string>> }> {
  const rows = await db
    .selectFrom('localities')
    .select(['id', 'geonames_id'])
    .where('geonames_id', 'is not', null)
    .orderBy('id')
    .execute();
  const byGeonames = new Map<number, number[]>();
  for (const r of rows) byGeonames.set(r.geonames_id!, [...(byGeonames.get(r.geonames_id!) ?? []), r.id]);
  const known = new Map<number, Set<string>>();
  const names = await db.selectFrom('locality_names').select(['locality_id', 'folded']).execute();
  for (const n of names) known.set(n.locality_id, (known.get(n.locality_id) ?? new Set()).add(n.folded));
  return { byGeonames, known };
}

/**
 * Gives every locality matched to a GeoNames place the names GeoNames holds for it (its alternate names in
 * every script: Рим, 罗马, Rom for Rome) as further names (language `und`, not primary), indexed for search,
 * so the API's search as you type finds them from the registry alone. Names it already bears are skipped.
 * One transaction; returns how many names it added.
 */
export async function addGazetteerNames(
  database: Database,
  file: string,
  progress?: Progress,
): Promise<number> {
  const { byGeonames, known } = await matchedLocalities(database.db);
  const rows: NameRow[] = [];
  let seen = 0;
  for await (const place of readGeoNames(file, file)) {
    if (++seen % 20_000 === 0) progress?.tick(seen);
    const ids = byGeonames.get(place.geonameId);
    if (ids === undefined) continue;
    for (const id of ids) {
      const names = known.get(id) ?? new Set<string>();
      for (const name of [place.name, place.asciiName, ...place.alternateNames]) {
        const folded = foldText(name);
        if (folded === '' || names.has(folded)) continue;
        names.add(folded);
        rows.push({
          locality_id: id,
          name,
          folded,
          lang: 'und',
          valid_from: null,
          valid_to: null,
          is_primary: 0,
        });
      }
      known.set(id, names);
    }
  }
  progress?.done(seen);
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 2000)
      await trx
        .insertInto('locality_names')
        .values(rows.slice(i, i + 2000))
        .execute();
    await indexUnindexedNames(trx);
  });
  return rows.length;
}
