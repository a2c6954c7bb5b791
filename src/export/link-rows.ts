import type { Kysely } from 'kysely';
import type { PartialDate } from '../core/partial-date.js';
import { linkPages, type LinkListItem } from '../registry/link/query.js';
import { oneSidedSourcesOf } from '../store/export.repository.js';
import type { DB } from '../store/schema.js';
import { linkRow, type LinkRow } from './link-csv.js';

/** The export rows of some links: each link's view and the directed sources in which only one side lists the other. */
export async function linkRows(db: Kysely<DB>, items: readonly LinkListItem[]): Promise<LinkRow[]> {
  const oneSided = await oneSidedSourcesOf(
    db,
    items.map((l) => l.id),
  );
  return items.map((l) => linkRow(l, oneSided.get(l.id) ?? []));
}

/** Every link in id order with its status today, as export rows, a page at a time (`twinning export links`). */
export async function* allLinkRows(
  db: Kysely<DB>,
  today: PartialDate,
  pageSize = 1000,
): AsyncGenerator<LinkRow> {
  const query = { filter: {}, afterId: 0, limit: pageSize };
  for await (const page of linkPages(db, query, today, { pageSize, maxRows: Number.POSITIVE_INFINITY }))
    yield* await linkRows(db, page);
}
