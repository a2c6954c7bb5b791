import type { Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { DB, SourcePlacesTable } from './schema.js';

const CHUNK = 400;

/** A source place's stored match, by its key within the source. */
export interface StoredSourcePlace {
  id: number;
  localityId: number;
  method: string;
  decidedBy: string | null;
}

/** The places a source has already named, by place key. */
export async function sourcePlacesOf(
  db: Kysely<DB>,
  sourceId: number,
): Promise<Map<string, StoredSourcePlace>> {
  const rows = await db
    .selectFrom('source_places')
    .select(['id', 'place_key', 'locality_id', 'method', 'decided_by'])
    .where('source_id', '=', sourceId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.place_key,
      { id: r.id, localityId: r.locality_id, method: r.method, decidedBy: r.decided_by },
    ]),
  );
}

/** Localities by a column's values (Wikidata or GeoNames ids); the lowest id wins when several share one. */
export async function localityIdsBy<C extends 'wikidata_id' | 'geonames_id'>(
  db: Kysely<DB>,
  column: C,
  values: readonly NonNullable<DB['localities'][C]>[],
): Promise<Map<NonNullable<DB['localities'][C]>, number>> {
  const result = new Map<NonNullable<DB['localities'][C]>, number>();
  for (const part of chunks([...new Set(values)], CHUNK)) {
    const rows = await db
      .selectFrom('localities')
      .select(['id', column])
      .where(column, 'in', part as never)
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows as { id: number }[])
      result.set((r as Record<string, unknown>)[column] as NonNullable<DB['localities'][C]>, r.id);
  }
  return result;
}

/** Localities that any source's place was matched to under a reference (`subdivision:IT-78`, `unresolved:…`). */
export async function localityIdsByRef(
  db: Kysely<DB>,
  refs: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const part of chunks([...new Set(refs)], CHUNK)) {
    const rows = await db
      .selectFrom('source_places')
      .select(['matched_ref', 'locality_id'])
      .where('matched_ref', 'in', part)
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) if (r.matched_ref) result.set(r.matched_ref, r.locality_id);
  }
  return result;
}

/** Every locality key in use. */
export async function allLocalityKeys(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('localities').select('key').execute();
  return new Set(rows.map((r) => r.key));
}

/**
 * Localities with neither a GeoNames nor a Wikidata id nor any source's place matched to them, whose names fold
 * to any of these, as `country|folded` → id and kind.
 */
export async function unidentifiedLocalitiesByName(
  db: Kysely<DB>,
  folded: readonly string[],
): Promise<Map<string, { id: number; kind: string }>> {
  const result = new Map<string, { id: number; kind: string }>();
  for (const part of chunks(
    [...new Set(folded)].filter((f) => f !== ''),
    CHUNK,
  )) {
    const rows = await db
      .selectFrom('locality_names')
      .innerJoin('localities', 'localities.id', 'locality_names.locality_id')
      .select(['localities.id', 'localities.kind', 'localities.country', 'locality_names.folded'])
      .where('locality_names.folded', 'in', part)
      .where('localities.geonames_id', 'is', null)
      .where('localities.wikidata_id', 'is', null)
      // Only a locality no source's place was matched to yet (the bundled dataset's, or one made by hand):
      // an imported place's locality is already some place.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('source_places')
              .select('source_places.id')
              .whereRef('source_places.locality_id', '=', 'localities.id'),
          ),
        ),
      )
      .orderBy('localities.id', 'desc')
      .execute();
    for (const r of rows) result.set(`${r.country ?? ''}|${r.folded}`, { id: r.id, kind: r.kind });
  }
  return result;
}

/**
 * How other sources matched places under these keys (names and countries spelt the same way), by key: the
 * most confident, the latest of equals. The sources are named so that the lookup uses the (source, key) index
 * rather than reading every source place.
 */
export async function matchesByPlaceKey(db: Kysely<DB>, keys: readonly string[]) {
  const result = new Map<string, Omit<SourcePlacesTable, 'id' | 'source_id'>>();
  for (const part of chunks([...new Set(keys)], CHUNK)) {
    const rows = await db
      .selectFrom('source_places')
      .selectAll()
      .where('source_id', 'in', db.selectFrom('sources').select('sources.id'))
      .where('place_key', 'in', part)
      .orderBy('confidence', 'asc')
      .orderBy('id', 'asc')
      .execute();
    for (const r of rows) result.set(r.place_key, r);
  }
  return result;
}
