import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

const CHUNK = 400;

/** The Wikidata ids each locality holds: its own and those of the source places matched to it. */
export async function qidsByLocality(db: Kysely<DB>): Promise<Map<number, Set<string>>> {
  const own = await db
    .selectFrom('localities')
    .select(['id', 'wikidata_id'])
    .where('wikidata_id', 'is not', null)
    .execute();
  const placed = await db
    .selectFrom('source_places')
    .select(['locality_id', 'wikidata_id'])
    .distinct()
    .where('wikidata_id', 'is not', null)
    .execute();
  const out = new Map<number, Set<string>>();
  const add = (id: number, qid: string): void => void out.set(id, (out.get(id) ?? new Set()).add(qid));
  for (const r of own) add(r.id, r.wikidata_id!);
  for (const r of placed) add(r.locality_id, r.wikidata_id!);
  return out;
}

/** Every locality's linked partners, both ways. */
export async function partnersByLocality(db: Kysely<DB>): Promise<Map<number, Set<number>>> {
  const rows = await db.selectFrom('links').select(['a_id', 'b_id']).execute();
  const out = new Map<number, Set<number>>();
  const add = (x: number, y: number): void => void out.set(x, (out.get(x) ?? new Set()).add(y));
  for (const r of rows) {
    add(r.a_id, r.b_id);
    add(r.b_id, r.a_id);
  }
  return out;
}

/** A locality found by name: where it lies. */
export interface NamedLocality {
  id: number;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** Localities bearing any of these folded names, by folded name. */
export async function localitiesByFoldedName(
  db: Kysely<DB>,
  folded: readonly string[],
): Promise<Map<string, NamedLocality[]>> {
  const out = new Map<string, NamedLocality[]>();
  const wanted = [...new Set(folded)].filter((f) => f !== '');
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await db
      .selectFrom('locality_names as n')
      .innerJoin('localities as l', 'l.id', 'n.locality_id')
      .select(['l.id', 'l.country', 'l.lat', 'l.lon', 'n.folded'])
      .distinct()
      .where('n.folded', 'in', wanted.slice(i, i + CHUNK))
      .execute();
    for (const r of rows)
      out.set(r.folded, [
        ...(out.get(r.folded) ?? []),
        { id: r.id, country: r.country, lat: r.lat, lon: r.lon },
      ]);
  }
  return out;
}

/** Where each of these localities lies (country and point), by id. */
export async function localityPoints(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, NamedLocality>> {
  const out = new Map<number, NamedLocality>();
  const wanted = [...new Set(ids)];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await db
      .selectFrom('localities')
      .select(['id', 'country', 'lat', 'lon'])
      .where('id', 'in', wanted.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
