import type { Kysely } from 'kysely';
import { decodeMatchRef, type MatchRef } from '../src/core/match-ref.js';
import type { DB } from '../src/store/schema.js';

/** Matches to a point whose distance from the source's coordinates tells whether the match is right. */
const CHECKABLE: ReadonlySet<MatchRef['kind']> = new Set(['geonames', 'geonames-point', 'seat']);

/** Share of a source's places matched to a gazetteer place or subdivision, and how near its own coordinates. */
export async function matchRates(db: Kysely<DB>, sourceKeys: readonly string[]) {
  const rows = await db
    .selectFrom('source_places as sp')
    .innerJoin('sources as s', 's.id', 'sp.source_id')
    .select(['sp.method', 'sp.lat', 'sp.lon', 'sp.distance_km', 'sp.matched_ref'])
    .where('s.key', 'in', [...sourceKeys])
    .execute();
  const byMethod: Record<string, number> = {};
  for (const r of rows) byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
  const matched = rows.filter((r) => !['unresolved', 'parent'].includes(r.method));
  const checkable = matched.filter(
    (r) =>
      r.lat !== null &&
      r.distance_km !== null &&
      r.matched_ref !== null &&
      CHECKABLE.has(decodeMatchRef(r.matched_ref).kind),
  );
  const near = checkable.filter((r) => r.distance_km! <= 25);
  return {
    places: rows.length,
    byMethod,
    matchedShare: matched.length / rows.length,
    withParentShare: (matched.length + (byMethod.parent ?? 0)) / rows.length,
    checkable: checkable.length,
    within25kmShare: near.length / Math.max(1, checkable.length),
  };
}

/** How many links each source states, how many of them another source states too, and how many only it has. */
export async function sourceOverlap(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('link_sources as ls')
    .innerJoin('sources as s', 's.id', 'ls.source_id')
    .select(['s.key', 'ls.link_id'])
    .execute();
  const sourcesOf = new Map<number, Set<string>>();
  for (const r of rows) sourcesOf.set(r.link_id, (sourcesOf.get(r.link_id) ?? new Set()).add(r.key));
  const perSource: Record<string, { states: number; confirmedByAnother: number; onlyThis: number }> = {};
  for (const keys of sourcesOf.values()) {
    for (const key of keys) {
      const s = (perSource[key] ??= { states: 0, confirmedByAnother: 0, onlyThis: 0 });
      s.states++;
      if (keys.size > 1) s.confirmedByAnother++;
      else s.onlyThis++;
    }
  }
  const links = await db
    .selectFrom('links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    linksInRegistry: Number(links.n),
    linksWithImportedSources: sourcesOf.size,
    perSource,
    sumOverSources: Object.values(perSource).reduce((n, s) => n + s.states, 0),
  };
}
