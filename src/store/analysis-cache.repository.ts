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

/** Keeps a result for a key and data version, replacing any older one. */
export async function keepResult(
  db: Kysely<DB>,
  key: string,
  version: string,
  value: unknown,
): Promise<void> {
  const row = { key, version, value: JSON.stringify(value), computed_at: nowIso() };
  await db
    .insertInto('analysis_cache')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ version: row.version, value: row.value, computed_at: row.computed_at }),
    )
    .execute();
}
