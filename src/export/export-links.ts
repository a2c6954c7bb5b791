import type { Kysely } from 'kysely';
import type { EventType } from '../core/link-lifecycle.js';
import { statusAt, type LifecycleEvent } from '../core/link-lifecycle.js';
import { parsePartialDate, type PartialDate } from '../core/partial-date.js';
import { linkPage } from '../store/export.repository.js';
import type { DB } from '../store/schema.js';

/** A link as exported: both ends, kind, status today and the sources that state it. */
export interface ExportedLink {
  id: number;
  a_key: string;
  a_name: string;
  a_country: string | null;
  b_key: string;
  b_name: string;
  b_country: string | null;
  kind: string | null;
  status: string;
  sources: string[];
  /** Directed sources in which only one side lists the other. */
  one_sided_in: string[];
}

/** The columns of the links CSV, in order. */
export const LINK_COLUMNS = [
  'id',
  'a_key',
  'a_name',
  'a_country',
  'b_key',
  'b_name',
  'b_country',
  'kind',
  'status',
  'sources',
  'one_sided_in',
] as const;

/** Every link with its status at `today` and its sources, a page at a time. */
export async function* exportLinks(
  db: Kysely<DB>,
  today: PartialDate,
  pageSize = 2000,
): AsyncGenerator<ExportedLink> {
  for (let after = 0; ;) {
    const page = await linkPage(db, after, pageSize);
    if (page.rows.length === 0) return;
    const nameOf = new Map<number, string>();
    for (const n of page.names)
      if (!nameOf.has(n.locality_id) || n.is_primary === 1) nameOf.set(n.locality_id, n.name);
    for (const r of page.rows) {
      const events: LifecycleEvent[] = page.events
        .filter((e) => e.link_id === r.id)
        .map((e) => ({
          type: e.type as EventType,
          ...(e.date ? { date: parsePartialDate(e.date) } : {}),
          citations: [],
        }));
      const stated = page.sources.filter((s) => s.link_id === r.id);
      const cited = page.cited.filter((c) => c.link_id === r.id).map((c) => c.key);
      yield {
        id: r.id,
        a_key: r.a_key,
        a_name: nameOf.get(r.a_id) ?? r.a_key,
        a_country: r.a_country,
        b_key: r.b_key,
        b_name: nameOf.get(r.b_id) ?? r.b_key,
        b_country: r.b_country,
        kind: r.kind,
        status: events.length === 0 ? 'unknown' : statusAt(events, undefined, today).status,
        sources: [...new Set([...stated.map((s) => s.key), ...cited])].sort(),
        one_sided_in: stated
          .filter((s) => s.undirected === 0 && s.a_lists_b !== s.b_lists_a)
          .map((s) => s.key),
      };
    }
    after = page.rows[page.rows.length - 1]!.id;
  }
}
