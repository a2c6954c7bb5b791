import { sql, type Kysely } from 'kysely';
import { foldText } from '../core/text-fold.js';
import type { LocalityName } from '../core/locality.js';
import { nowIso } from './booleans.js';
import type { DB, SourcePlacesTable } from './schema.js';

const CHUNK = 400;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
  for (const part of chunks([...new Set(values)])) {
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
  for (const part of chunks([...new Set(refs)])) {
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

/** A locality to create in bulk. */
export interface NewLocalityRow {
  key: string;
  kind: string;
  country: string | null;
  /** ISO 3166-2 first-level subdivision, when the gazetteer tells it. */
  subdivision?: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  wikidataId: string | null;
  geonamesId: number | null;
  unverified: boolean;
  notes: string | null;
  names: LocalityName[];
}

/** Inserts localities and their names in batches; returns each key's new id. */
export async function insertLocalities(
  db: Kysely<DB>,
  rows: readonly NewLocalityRow[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const now = nowIso();
  for (const part of chunks(rows, 200)) {
    const inserted = await db
      .insertInto('localities')
      .values(
        part.map((r) => ({
          key: r.key,
          kind: r.kind,
          country: r.country,
          subdivision: r.subdivision ?? null,
          parent_id: null,
          lat: r.lat,
          lon: r.lon,
          population: r.population,
          population_year: null,
          wikidata_id: r.wikidataId,
          geonames_id: r.geonamesId,
          unverified: r.unverified ? 1 : 0,
          notes: r.notes,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'key'])
      .execute();
    for (const r of inserted) ids.set(r.key, r.id);
  }
  const names = rows.flatMap((r) =>
    r.names.map((n) => ({
      locality_id: ids.get(r.key)!,
      name: n.name,
      folded: foldText(n.name),
      lang: n.lang,
      valid_from: null,
      valid_to: null,
      is_primary: n.primary ? 1 : 0,
    })),
  );
  for (const part of chunks(names, 500)) await db.insertInto('locality_names').values(part).execute();
  return ids;
}

/** Gives localities their Wikidata id where they have none yet, one statement per batch of localities. */
export async function fillWikidataIds(db: Kysely<DB>, pairs: ReadonlyMap<number, string>): Promise<void> {
  for (const part of chunks([...pairs])) {
    const byId = sql.join(
      part.map(([id, qid]) => sql`when ${id} then ${qid}`),
      sql` `,
    );
    await db
      .updateTable('localities')
      .set({ wikidata_id: sql<string>`case id ${byId} end` })
      .where(
        'id',
        'in',
        part.map(([id]) => id),
      )
      .where('wikidata_id', 'is', null)
      .execute();
  }
}

/** Inserts source places in batches. */
export async function insertSourcePlaces(
  db: Kysely<DB>,
  rows: readonly Omit<SourcePlacesTable, 'id'>[],
): Promise<void> {
  for (const part of chunks(rows, 200)) await db.insertInto('source_places').values(part).execute();
}

/** Localities with neither a GeoNames nor a Wikidata id whose names fold to any of these, as `country|folded` → id. */
export async function unidentifiedLocalitiesByName(
  db: Kysely<DB>,
  folded: readonly string[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const part of chunks([...new Set(folded)].filter((f) => f !== ''))) {
    const rows = await db
      .selectFrom('locality_names')
      .innerJoin('localities', 'localities.id', 'locality_names.locality_id')
      .select(['localities.id', 'localities.country', 'locality_names.folded'])
      .where('locality_names.folded', 'in', part)
      .where('localities.geonames_id', 'is', null)
      .where('localities.wikidata_id', 'is', null)
      .orderBy('localities.id', 'desc')
      .execute();
    for (const r of rows) result.set(`${r.country ?? ''}|${r.folded}`, r.id);
  }
  return result;
}

/** Records the GeoNames id a locality was found to be. */
export async function setGeonamesId(db: Kysely<DB>, localityId: number, geonamesId: number): Promise<void> {
  const place = await db
    .selectFrom('gazetteer_places')
    .select(['lat', 'lon', 'population'])
    .where('geoname_id', '=', geonamesId)
    .executeTakeFirst();
  await db
    .updateTable('localities')
    .set((eb) => ({
      geonames_id: geonamesId,
      // Facts the registry lacks are taken from the gazetteer; facts it has are kept.
      lat: eb.fn.coalesce('lat', eb.val(place?.lat ?? null)),
      lon: eb.fn.coalesce('lon', eb.val(place?.lon ?? null)),
      population: eb.fn.coalesce(
        'population',
        eb.val(place && place.population > 0 ? place.population : null),
      ),
      updated_at: nowIso(),
    }))
    .where('id', '=', localityId)
    .execute();
}

/** How other sources matched places under these keys (names and countries spelt the same way), by key. */
export async function matchesByPlaceKey(db: Kysely<DB>, keys: readonly string[]) {
  const result = new Map<string, Omit<SourcePlacesTable, 'id' | 'source_id'>>();
  for (const part of chunks([...new Set(keys)])) {
    const rows = await db
      .selectFrom('source_places')
      .selectAll()
      .where('place_key', 'in', part)
      .orderBy('confidence', 'asc')
      .execute();
    for (const r of rows) result.set(r.place_key, r);
  }
  return result;
}
