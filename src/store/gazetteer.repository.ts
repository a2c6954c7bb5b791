import { sql, type Kysely } from 'kysely';
import type { Box } from '../core/geo.js';
import { chunks } from './chunks.js';
import type { DB } from './schema.js';

/**
 * The first-level division of the gazetteer place under `alias` (`FR.27`: country and admin1 code), null when it has
 * no admin1 code: the value core/region.ts' firstLevelDivision gives, in SQL.
 */
export function placeDivision(alias: string) {
  const country = sql.ref(`${alias}.country`);
  const admin1 = sql.ref(`${alias}.admin1`);
  return sql<
    string | null
  >`case when ${country} <> '' and ${admin1} <> '' then ${country} || '.' || ${admin1} end`;
}

/** A gazetteer place found under one of its name keys. */
export interface GazetteerHit {
  geonameId: number;
  name: string;
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
  /** How many other names GeoNames gives it; null for a supplement place or a gazetteer loaded before migration 0013. */
  otherNames: number | null;
  /** The key it was found under, and whether that key comes from its main name. */
  key: string;
  isMain: boolean;
}

const CHUNK = 500;

function base(db: Kysely<DB>) {
  return db
    .selectFrom('gazetteer_names as n')
    .innerJoin('gazetteer_places as p', 'p.geoname_id', 'n.geoname_id')
    .select([
      'p.geoname_id',
      'p.name',
      'p.lat',
      'p.lon',
      'p.feature_code',
      'p.country',
      'p.admin1',
      'p.population',
      'p.other_names',
      'n.key',
      'n.is_main',
    ]);
}

type Row = {
  geoname_id: number;
  name: string;
  lat: number;
  lon: number;
  feature_code: string;
  country: string;
  admin1: string;
  population: number;
  other_names: number | null;
  key: string;
  is_main: number;
};

function toHit(r: Row): GazetteerHit {
  return {
    geonameId: r.geoname_id,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    featureCode: r.feature_code,
    country: r.country,
    admin1: r.admin1,
    population: Number(r.population),
    otherNames: r.other_names === null ? null : Number(r.other_names),
    key: r.key,
    isMain: Number(r.is_main) === 1,
  };
}

/** Gazetteer places filed under any of these keys, grouped by key. */
export async function gazetteerByKeys(
  db: Kysely<DB>,
  keys: readonly string[],
): Promise<Map<string, GazetteerHit[]>> {
  const result = new Map<string, GazetteerHit[]>();
  for (const part of chunks(
    [...new Set(keys)].filter((k) => k !== ''),
    CHUNK,
  )) {
    const rows = await base(db).where('n.key', 'in', part).execute();
    for (const r of rows) {
      const list = result.get(r.key) ?? [];
      list.push(toHit(r));
      result.set(r.key, list);
    }
  }
  return result;
}

/**
 * A table of literal rows, each value cast to its SQL type, written as `select … union all select …`
 * (SQLite cannot name the columns of a `values` list; both dialects read this form). At most
 * `MAX_ROWS` rows, SQLite's limit on compound selects being 500.
 */
function literalTable<R extends object, A extends string>(
  rows: readonly R[],
  types: Readonly<Record<keyof R & string, 'integer' | 'text' | 'double precision'>>,
  alias: A,
) {
  const columns = Object.keys(types) as (keyof R & string)[];
  const selects = rows.map(
    (r) =>
      sql`select ${sql.join(
        columns.map((c) => sql`cast(${r[c] as string | number} as ${sql.raw(types[c])}) as ${sql.ref(c)}`),
      )}`,
  );
  return sql<R>`(${sql.join(selects, sql` union all `)})`.as(alias);
}

/** Rows in one literal table. */
const MAX_ROWS = 400;

/** A gazetteer place's columns as a hit under its main name (no lookup key). */
const MAIN_NAME_COLUMNS = [
  'p.geoname_id',
  'p.name',
  'p.lat',
  'p.lon',
  'p.feature_code',
  'p.country',
  'p.admin1',
  'p.population',
  'p.other_names',
  sql<string>`''`.as('key'),
  sql<number>`1`.as('is_main'),
] as const;

/** A spelling-blind key to look up in one country. */
export interface SkeletonWanted {
  country: string;
  skeleton: string;
}

/** Gazetteer places filed under spelling-blind keys, one query per batch, by `country|skeleton`. */
export async function gazetteerBySkeletons(
  db: Kysely<DB>,
  wanted: readonly SkeletonWanted[],
): Promise<Map<string, GazetteerHit[]>> {
  const result = new Map<string, GazetteerHit[]>();
  const unique = [...new Map(wanted.map((w) => [`${w.country}|${w.skeleton}`, w])).values()];
  for (const part of chunks(unique, MAX_ROWS)) {
    const rows = await base(db)
      .innerJoin(literalTable(part, { country: 'text', skeleton: 'text' }, 'w'), (join) =>
        join.onRef('w.country', '=', 'n.country').onRef('w.skeleton', '=', 'n.skeleton'),
      )
      .select(['w.country as wanted_country', 'w.skeleton as wanted_skeleton'])
      .execute();
    for (const r of rows) {
      const group = `${r.wanted_country}|${r.wanted_skeleton}`;
      const list = result.get(group) ?? [];
      list.push(toHit(r));
      result.set(group, list);
    }
  }
  return result;
}

/** A spelling-blind key prefix to look up in one country (for edit-distance matching). */
export interface PrefixWanted {
  country: string;
  prefix: string;
}

/** A name key of a gazetteer place, without the place. */
export interface GazetteerKey {
  geonameId: number;
  key: string;
  isMain: boolean;
}

/**
 * Name keys in a country whose spelling-blind key starts with a prefix, at most `limit` for each (the
 * first by key), by `country|prefix`: one query per batch, made of one limited lookup per prefix (each
 * stops at its limit in the (country, skeleton) index, rather than ranking every key of a common prefix).
 * Only the keys: most fail the edit-distance check, and `gazetteerPlacesByIds` fetches the places of the rest.
 */
export async function gazetteerKeysByPrefixes(
  db: Kysely<DB>,
  wanted: readonly PrefixWanted[],
  limit = 400,
): Promise<Map<string, GazetteerKey[]>> {
  const result = new Map<string, GazetteerKey[]>();
  const unique = [...new Map(wanted.map((w) => [`${w.country}|${w.prefix}`, w])).values()];
  for (const part of chunks(unique, 100)) {
    const [first, ...rest] = part.map((w) =>
      db
        .selectFrom(
          db
            .selectFrom('gazetteer_names as n')
            .select([
              sql<string>`cast(${`${w.country}|${w.prefix}`} as text)`.as('grp'),
              'n.geoname_id',
              'n.key',
              'n.is_main',
            ])
            .where('n.country', '=', w.country)
            .where('n.skeleton', '>=', w.prefix)
            .where('n.skeleton', '<', `${w.prefix}\uffff`)
            .orderBy('n.skeleton')
            .orderBy('n.geoname_id')
            .limit(limit)
            .as('r'),
        )
        .selectAll(),
    );
    if (first === undefined) continue;
    const rows = await rest.reduce((query, next) => query.unionAll(next), first).execute();
    for (const r of rows) {
      const list = result.get(r.grp) ?? [];
      list.push({ geonameId: r.geoname_id, key: r.key, isMain: Number(r.is_main) === 1 });
      result.set(r.grp, list);
    }
  }
  return result;
}

/** Gazetteer places by GeoNames id, with their main name as key. */
export async function gazetteerPlacesByIds(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, GazetteerHit>> {
  const result = new Map<number, GazetteerHit>();
  for (const part of chunks([...new Set(ids)], CHUNK)) {
    const rows = await db
      .selectFrom('gazetteer_places as p')
      .select(MAIN_NAME_COLUMNS)
      .where('p.geoname_id', 'in', part)
      .execute();
    for (const r of rows) result.set(r.geoname_id, toHit(r));
  }
  return result;
}

/** Gazetteer places inside each of these boxes, with their main name as key, one query per batch, by box index. */
export async function gazetteerInBoxes(
  db: Kysely<DB>,
  boxes: readonly Box[],
): Promise<Map<number, GazetteerHit[]>> {
  const result = new Map<number, GazetteerHit[]>();
  const numbered = boxes.map((b, i) => ({ grp: i, ...b }));
  const types = {
    grp: 'integer',
    minLat: 'double precision',
    maxLat: 'double precision',
    minLon: 'double precision',
    maxLon: 'double precision',
  } as const;
  for (const part of chunks(numbered, MAX_ROWS)) {
    const rows = await db
      .selectFrom(literalTable(part, types, 'w'))
      .innerJoin('gazetteer_places as p', (join) =>
        join
          .onRef('p.lat', '>=', 'w.minLat')
          .onRef('p.lat', '<=', 'w.maxLat')
          .onRef('p.lon', '>=', 'w.minLon')
          .onRef('p.lon', '<=', 'w.maxLon'),
      )
      .select(['w.grp', ...MAIN_NAME_COLUMNS])
      .execute();
    for (const r of rows) {
      const list = result.get(Number(r.grp)) ?? [];
      list.push(toHit(r));
      result.set(Number(r.grp), list);
    }
  }
  return result;
}

/** One gazetteer place by its GeoNames id. */
export async function gazetteerPlace(db: Kysely<DB>, geonameId: number): Promise<GazetteerHit | undefined> {
  const row = await db
    .selectFrom('gazetteer_places as p')
    .select(MAIN_NAME_COLUMNS)
    .where('p.geoname_id', '=', geonameId)
    .executeTakeFirst();
  return row ? toHit(row) : undefined;
}

/** How many places the gazetteer holds (0 when it was never loaded). */
export async function gazetteerSize(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('gazetteer_places')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
