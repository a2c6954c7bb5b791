import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * A cheap stamp of the registry's data: counts, id and version sums of the tables a network is read from.
 * Every write bumps a version or adds or removes a row (registry/versioned-write.ts), so any write changes it;
 * reading it costs a few index scans instead of reading the whole network.
 */
export async function dataStamp(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<Record<string, number | string | null>>`
    select
      (select count(*) from localities) as lc,
      (select coalesce(sum(version), 0) from localities) as lv,
      (select coalesce(sum(id), 0) from localities) as li,
      (select count(*) from links) as kc,
      (select coalesce(sum(version), 0) from links) as kv,
      (select coalesce(sum(a_id + b_id), 0) from links) as ke,
      (select count(*) from link_events) as ec,
      (select coalesce(max(id), 0) from link_events) as ei,
      (select count(*) from link_sources) as sc,
      (select coalesce(max(id), 0) from link_sources) as si
  `.execute(db);
  const row = rows[0] ?? {};
  return Object.values(row)
    .map((v) => String(v ?? 0))
    .join('.');
}
