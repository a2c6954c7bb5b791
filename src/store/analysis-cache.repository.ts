import type { Kysely } from 'kysely';
import { nowIso } from './booleans.js';
import type { DB } from './schema.js';

/** The cached result for a key when it was computed on this data version. */
export async function cachedResult(db: Kysely<DB>, key: string, version: string): Promise<unknown> {
  const row = await db
    .selectFrom('analysis_cache')
    .select('value')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** How many results the cache keeps by default: distinct queries are many, the table must not grow without bound. */
export const ANALYSIS_CACHE_ENTRIES = 500;

/**
 * Keeps a result for a key and data version, replacing any older one; past `maxEntries` results, those
 * computed longest ago are deleted, so that public reads with ever new parameters cannot grow the table.
 */
export async function keepResult(
  db: Kysely<DB>,
  key: string,
  version: string,
  value: unknown,
  maxEntries = ANALYSIS_CACHE_ENTRIES,
): Promise<void> {
  const row = { key, version, value: JSON.stringify(value), computed_at: nowIso() };
  await db
    .insertInto('analysis_cache')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ version: row.version, value: row.value, computed_at: row.computed_at }),
    )
    .execute();
  const cutoff = await db
    .selectFrom('analysis_cache')
    .select(['computed_at', 'key'])
    .orderBy('computed_at', 'desc')
    .orderBy('key', 'desc')
    .offset(maxEntries - 1)
    .limit(1)
    .executeTakeFirst();
  if (!cutoff) return;
  await db
    .deleteFrom('analysis_cache')
    .where((eb) =>
      eb.or([
        eb('computed_at', '<', cutoff.computed_at),
        eb.and([eb('computed_at', '=', cutoff.computed_at), eb('key', '<', cutoff.key)]),
      ]),
    )
    .execute();
}
