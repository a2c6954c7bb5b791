import type { Kysely } from 'kysely';
import type { Locality, LocalityName } from '../../core/locality.js';
import { formatPartialDate } from '../../core/partial-date.js';
import { foldText } from '../../core/text-fold.js';
import { nowIso, toFlag } from '../booleans.js';
import { placeDivision } from '../gazetteer.repository.js';
import { indexNames } from './name-index.js';
import type { DB } from '../schema.js';

/**
 * Inserts a locality with its names (and its gazetteer place's feature code, first-level division and count of
 * other names, when known); returns its id.
 */
export async function insertLocality(
  db: Kysely<DB>,
  locality: Omit<Locality, 'citations' | 'parentKey'>,
  parentId: number | null,
): Promise<number> {
  const now = nowIso();
  const { id } = await db
    .insertInto('localities')
    .values({
      key: locality.key,
      kind: locality.kind,
      country: locality.country ?? null,
      subdivision: locality.subdivision ?? null,
      parent_id: parentId,
      lat: locality.coordinates?.lat ?? null,
      lon: locality.coordinates?.lon ?? null,
      population: locality.population ?? null,
      population_year: locality.populationYear ?? null,
      wikidata_id: locality.wikidataId ?? null,
      geonames_id: locality.geonamesId ?? null,
      // Its place's feature code, division and count of other names, when the gazetteer is loaded (else a later
      // gazetteer load fills them).
      feature_code:
        locality.geonamesId === undefined
          ? null
          : db
              .selectFrom('gazetteer_places')
              .select('feature_code')
              .where('geoname_id', '=', locality.geonamesId),
      division:
        locality.geonamesId === undefined
          ? null
          : db
              .selectFrom('gazetteer_places as g')
              .select(placeDivision('g').as('division'))
              .where('g.geoname_id', '=', locality.geonamesId),
      other_names:
        locality.geonamesId === undefined
          ? null
          : db
              .selectFrom('gazetteer_places')
              .select('other_names')
              .where('geoname_id', '=', locality.geonamesId),
      unverified: toFlag(locality.unverified),
      notes: locality.notes ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertNames(db, id, locality.names, locality.population ?? null);
  return id;
}

/** Adds names to a locality, indexing them for search (ranked by the locality's population, read when not given). */
export async function insertNames(
  db: Kysely<DB>,
  localityId: number,
  names: readonly LocalityName[],
  population?: number | null,
): Promise<void> {
  if (names.length === 0) return;
  const stored = await db
    .insertInto('locality_names')
    .values(
      names.map((n) => ({
        locality_id: localityId,
        name: n.name,
        folded: foldText(n.name),
        lang: n.lang,
        valid_from: n.validFrom ? formatPartialDate(n.validFrom) : null,
        valid_to: n.validTo ? formatPartialDate(n.validTo) : null,
        is_primary: toFlag(n.primary),
      })),
    )
    .returning(['id', 'folded'])
    .execute();
  const ranking =
    population !== undefined
      ? population
      : ((
          await db
            .selectFrom('localities')
            .select('population')
            .where('id', '=', localityId)
            .executeTakeFirst()
        )?.population ?? null);
  await indexNames(
    db,
    stored.map((n) => ({ ...n, population: ranking === null ? null : Number(ranking) })),
  );
}

/**
 * Takes the write locks of localities, in id order (so two writers never wait on each other crosswise),
 * until the transaction ends: a no-op update locks the rows on PostgreSQL; SQLite has one writer anyway.
 * Writes that judge a locality's other links (exclusivity) take it first, so that two of them never
 * both judge before either commits.
 */
export async function lockLocalities(db: Kysely<DB>, ids: readonly number[]): Promise<void> {
  for (const id of [...new Set(ids)].sort((x, y) => x - y)) {
    await db
      .updateTable('localities')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .execute();
  }
}
