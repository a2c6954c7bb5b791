import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/** A match a person should look at. */
export interface ReviewItem {
  sourcePlaceId: number;
  source: string;
  name: string;
  countryText: string | null;
  localityId: number;
  localityKey: string;
  method: string;
  confidence: number;
  distanceKm: number | null;
}

/** Unresolved matches first, then doubtful ones, least confident and farthest first. */
export async function matchesToReview(
  db: Kysely<DB>,
  limit: number,
): Promise<{ items: ReviewItem[]; total: number }> {
  const base = db
    .selectFrom('source_places as sp')
    .innerJoin('sources as s', 's.id', 'sp.source_id')
    .innerJoin('localities as l', 'l.id', 'sp.locality_id')
    .where((eb) => eb.or([eb('sp.method', 'in', ['unresolved', 'parent']), eb('sp.doubtful', '=', 1)]))
    .where('sp.decided_by', 'is', null);
  const rows = await base
    .select([
      'sp.id',
      's.key as source',
      'sp.name',
      'sp.country_text',
      'l.id as locality_id',
      'l.key as locality_key',
      'sp.method',
      'sp.confidence',
      'sp.distance_km',
    ])
    .orderBy(sql`case sp.method when 'unresolved' then 0 when 'parent' then 1 else 2 end`)
    .orderBy('sp.confidence')
    .orderBy(sql`coalesce(sp.distance_km, 0)`, 'desc')
    .orderBy('sp.id')
    .limit(limit)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      sourcePlaceId: r.id,
      source: r.source,
      name: r.name,
      countryText: r.country_text,
      localityId: r.locality_id,
      localityKey: r.locality_key,
      method: r.method,
      confidence: r.confidence,
      distanceKm: r.distance_km,
    })),
  };
}

/** A link flagged as clashing with an exclusive twinning. */
export interface ConflictItem {
  linkId: number;
  aKey: string;
  bKey: string;
  kind: string | null;
  notes: string;
}

/** Links whose note flags a clash with an exclusive twinning (see core/exclusive-conflicts.ts), by id. */
export async function flaggedConflicts(db: Kysely<DB>, prefix: string): Promise<ConflictItem[]> {
  const rows = await db
    .selectFrom('links as l')
    .innerJoin('localities as a', 'a.id', 'l.a_id')
    .innerJoin('localities as b', 'b.id', 'l.b_id')
    .select(['l.id', 'a.key as a_key', 'b.key as b_key', 'l.kind', 'l.notes'])
    .where('l.notes', 'like', `${prefix}%`)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({ linkId: r.id, aKey: r.a_key, bKey: r.b_key, kind: r.kind, notes: r.notes! }));
}
