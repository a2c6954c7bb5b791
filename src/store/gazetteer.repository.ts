import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

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
  /** The key it was found under, and whether that key comes from its main name. */
  key: string;
  isMain: boolean;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
  for (const part of chunks([...new Set(keys)].filter((k) => k !== ''))) {
    const rows = await base(db).where('n.key', 'in', part).execute();
    for (const r of rows) {
      const list = result.get(r.key) ?? [];
      list.push(toHit(r));
      result.set(r.key, list);
    }
  }
  return result;
}

/** Gazetteer places in a country filed under a spelling-blind key. */
export async function gazetteerBySkeleton(
  db: Kysely<DB>,
  country: string,
  skeleton: string,
): Promise<GazetteerHit[]> {
  const rows = await base(db).where('n.country', '=', country).where('n.skeleton', '=', skeleton).execute();
  return rows.map(toHit);
}

/** Gazetteer places in a country whose spelling-blind key starts with a prefix (for edit-distance matching). */
export async function gazetteerBySkeletonPrefix(
  db: Kysely<DB>,
  country: string,
  prefix: string,
  limit = 400,
): Promise<GazetteerHit[]> {
  const rows = await base(db)
    .where('n.country', '=', country)
    .where('n.skeleton', '>=', prefix)
    .where('n.skeleton', '<', `${prefix}\uffff`)
    .limit(limit)
    .execute();
  return rows.map(toHit);
}

/** Gazetteer places inside a latitude/longitude box, with their main name as key. */
export async function gazetteerInBox(
  db: Kysely<DB>,
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
): Promise<GazetteerHit[]> {
  const rows = await db
    .selectFrom('gazetteer_places as p')
    .select([
      'p.geoname_id',
      'p.name',
      'p.lat',
      'p.lon',
      'p.feature_code',
      'p.country',
      'p.admin1',
      'p.population',
      sql<string>`''`.as('key'),
      sql<number>`1`.as('is_main'),
    ])
    .where('p.lat', '>=', box.minLat)
    .where('p.lat', '<=', box.maxLat)
    .where('p.lon', '>=', box.minLon)
    .where('p.lon', '<=', box.maxLon)
    .execute();
  return rows.map(toHit);
}

/** One gazetteer place by its GeoNames id. */
export async function gazetteerPlace(db: Kysely<DB>, geonameId: number): Promise<GazetteerHit | undefined> {
  const row = await db
    .selectFrom('gazetteer_places as p')
    .select([
      'p.geoname_id',
      'p.name',
      'p.lat',
      'p.lon',
      'p.feature_code',
      'p.country',
      'p.admin1',
      'p.population',
      sql<string>`''`.as('key'),
      sql<number>`1`.as('is_main'),
    ])
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
