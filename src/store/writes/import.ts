import { sql, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import { firstLevelDivision } from '../../core/region.js';
import { foldText } from '../../core/text-fold.js';
import type { LocalityName } from '../../core/locality.js';
import { nowIso } from '../booleans.js';
import { chunks } from '../chunks.js';
import { insertRows } from '../bulk-insert.js';
import { placeDivision } from '../gazetteer.repository.js';
import type { DB, SourcePlacesTable } from '../schema.js';

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
  /** The GeoNames feature code of that gazetteer place. */
  featureCode?: string | null;
  /** Its first-level division, country and GeoNames admin1 code (`FR.27`). */
  division?: string | null;
  /** How many other names GeoNames gives that place. */
  otherNames?: number | null;
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
    const inserted = await insertRows(
      db,
      'localities',
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
        feature_code: r.featureCode ?? null,
        division: r.division ?? null,
        other_names: r.otherNames ?? null,
        unverified: r.unverified ? 1 : 0,
        notes: r.notes,
        created_at: now,
        updated_at: now,
      })),
      ['id', 'key'],
    );
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
  for (const part of chunks(names, 500)) await insertRows(db, 'locality_names', part);
  return ids;
}

/**
 * Gives localities their Wikidata id where they have none yet, one statement per batch of localities;
 * returns the ids of the localities it changed.
 */
export async function fillWikidataIds(db: Kysely<DB>, pairs: ReadonlyMap<number, string>): Promise<number[]> {
  const changed: number[] = [];
  for (const part of chunks([...pairs], 400)) {
    const byId = sql.join(
      part.map(([id, qid]) => sql`when ${id} then ${qid}`),
      sql` `,
    );
    const rows = await db
      .updateTable('localities')
      .set({ wikidata_id: sql<string>`case id ${byId} end` })
      .where(
        'id',
        'in',
        part.map(([id]) => id),
      )
      .where('wikidata_id', 'is', null)
      .returning('id')
      .execute();
    changed.push(...rows.map((r) => r.id));
  }
  return changed;
}

/** Inserts source places in batches. */
export async function insertSourcePlaces(
  db: Kysely<DB>,
  rows: readonly Omit<SourcePlacesTable, 'id'>[],
): Promise<void> {
  for (const part of chunks(rows, 200)) await insertRows(db, 'source_places', part);
}

/**
 * Records the GeoNames id a locality was found to be, with its place's feature code, first-level division and count
 * of other names.
 */
export async function setGeonamesId(db: Kysely<DB>, localityId: number, geonamesId: number): Promise<void> {
  const place = await db
    .selectFrom('gazetteer_places')
    .select(['lat', 'lon', 'population', 'feature_code', 'country', 'admin1', 'other_names'])
    .where('geoname_id', '=', geonamesId)
    .executeTakeFirst();
  await db
    .updateTable('localities')
    .set((eb) => ({
      geonames_id: geonamesId,
      feature_code: place?.feature_code ?? null,
      division: firstLevelDivision(place?.country, place?.admin1),
      other_names: place?.other_names ?? null,
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

/** A locality column that holds a fact of its gazetteer place, and that fact in SQL (null where the place lacks it). */
const gazetteerFacts: Record<
  'feature_code' | 'division' | 'other_names',
  RawBuilder<string | number | null>
> = {
  feature_code: sql<string | null>`g.feature_code`,
  division: placeDivision('g'),
  other_names: sql<number | null>`g.other_names`,
};

/**
 * Gives every locality with a GeoNames id and no value yet in `column` its place's fact (`feature_code`: the
 * feature code; `division`: the first-level division; `other_names`: how many other names it has), where the
 * gazetteer holds the place and the place has the fact (after a gazetteer load: localities matched before it, the
 * bundled dataset's). Returns how many localities it changed.
 */
export async function fillFromGazetteer(
  db: Kysely<DB>,
  column: keyof typeof gazetteerFacts,
): Promise<number> {
  const fact = (eb: ExpressionBuilder<DB, 'localities'>) =>
    eb
      .selectFrom('gazetteer_places as g')
      .select(gazetteerFacts[column].as('fact'))
      .whereRef('g.geoname_id', '=', 'localities.geonames_id')
      .where(gazetteerFacts[column], 'is not', null);
  const result = await db
    .updateTable('localities')
    .set((eb) => ({ [column]: fact(eb) }))
    .where('geonames_id', 'is not', null)
    .where(column, 'is', null)
    .where((eb) => eb.exists(fact(eb)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
