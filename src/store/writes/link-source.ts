import type { Kysely } from 'kysely';
import { earliestDay, formatPartialDate, latestDay, type PartialDate } from '../../core/partial-date.js';
import { nowIso } from '../booleans.js';
import { chunks } from '../chunks.js';
import { insertRows } from '../bulk-insert.js';
import type { DB, LinkSourcesTable } from '../schema.js';

/** The key of an ordered pair of locality ids. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every link's id by its pair key. */
export async function linkIdsByPair(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('links').select(['id', 'a_id', 'b_id']).execute();
  return new Map(rows.map((r) => [pairKey(r.a_id, r.b_id), r.id]));
}

/** Creates links for pairs (sides in any order) with no kind or purpose; returns ids by pair key. */
export async function insertBareLinks(
  db: Kysely<DB>,
  pairs: readonly [number, number][],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const now = nowIso();
  for (const part of chunks(pairs, 300)) {
    const rows = await insertRows(
      db,
      'links',
      part.map(([x, y]) => ({
        a_id: Math.min(x, y),
        b_id: Math.max(x, y),
        kind: null,
        purposes: '[]',
        exclusive: 0,
        unverified: 0,
        notes: null,
        created_at: now,
        updated_at: now,
      })),
      ['id', 'a_id', 'b_id'],
    );
    for (const r of rows) ids.set(pairKey(r.a_id, r.b_id), r.id);
  }
  return ids;
}

/** A link's provenance from one source. */
export type LinkSourceRow = Omit<LinkSourcesTable, 'id' | 'created_at'>;

/** What one source already says about each link, by link id. */
export async function linkSourcesOf(
  db: Kysely<DB>,
  sourceId: number,
): Promise<Map<number, LinkSourceRow & { id: number }>> {
  const rows = await db.selectFrom('link_sources').selectAll().where('source_id', '=', sourceId).execute();
  return new Map(rows.map((r) => [r.link_id, r]));
}

/** Records that sources state links. */
export async function insertLinkSources(db: Kysely<DB>, rows: readonly LinkSourceRow[]): Promise<void> {
  const now = nowIso();
  for (const part of chunks(rows, 300))
    await insertRows(
      db,
      'link_sources',
      part.map((r) => ({ ...r, created_at: now })),
    );
}

/** Updates which sides a source says list each other. */
export async function updateLinkSourceFlags(
  db: Kysely<DB>,
  id: number,
  flags: Pick<LinkSourceRow, 'a_lists_b' | 'b_lists_a' | 'undirected'>,
): Promise<void> {
  await db.updateTable('link_sources').set(flags).where('id', '=', id).execute();
}

/** The `type|date` of every event of some links, by link id. */
export async function eventKeysOf(
  db: Kysely<DB>,
  linkIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const result = new Map<number, Set<string>>();
  for (const part of chunks([...new Set(linkIds)], 400)) {
    const rows = await db
      .selectFrom('link_events')
      .select(['link_id', 'type', 'date'])
      .where('link_id', 'in', part)
      .execute();
    for (const r of rows) {
      const set = result.get(r.link_id) ?? new Set<string>();
      set.add(`${r.type}|${r.date ?? ''}`);
      result.set(r.link_id, set);
    }
  }
  return result;
}

/** An event a source states about a link, to be written with a citation of that source. */
export interface SourcedEvent {
  linkId: number;
  type: 'agreement_signed' | 'formalised' | 'terminated';
  date?: PartialDate;
  notes: string;
}

/** Writes events in bulk, each citing the source that states it; returns how many were written. */
export async function insertSourcedEvents(
  db: Kysely<DB>,
  sourceId: number,
  events: readonly SourcedEvent[],
): Promise<number> {
  const now = nowIso();
  for (const part of chunks(events, 300)) {
    const rows = await insertRows(
      db,
      'link_events',
      part.map((e) => ({
        link_id: e.linkId,
        type: e.type,
        date: e.date ? formatPartialDate(e.date) : null,
        date_start: e.date ? earliestDay(e.date) : null,
        date_end: e.date ? latestDay(e.date) : null,
        actor_side: null,
        actor_name: null,
        cause: null,
        notes: e.notes,
        unverified: 0,
        created_at: now,
      })),
      ['id'],
    );
    await insertRows(
      db,
      'citations',
      rows.map((r) => ({
        source_id: sourceId,
        entity_type: 'event' as const,
        entity_id: r.id,
        locator: null,
      })),
    );
  }
  return events.length;
}
