import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { LINK_KINDS, type LinkPurpose } from '../../core/link.js';
import {
  chronological,
  isFormingEvent,
  LINK_STATUSES,
  statusAt,
  type LinkStatus,
} from '../../core/link-lifecycle.js';
import { nameAt } from '../../core/locality-names.js';
import { statingSourcesOf } from '../../store/link-statement.repository.js';
import { knownBy } from './attestation.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { LatLon, Nullable, NullableString, StringAs, StringEnum } from '../../core/shapes.js';
import { linkIdsMatching, sourceKeysOfLinks, type LinkFilter } from '../../store/link-query.repository.js';
import { linksById, type LinkRecord } from '../../store/link.repository.js';
import { localityLabelsById, type LocalityLabel } from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';
import type { IdPage } from '../id-page.js';

/** One side of a link in a list: enough to name it, place it and draw it. */
export const LinkEnd = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  country: NullableString,
  coordinates: Nullable(LatLon),
});
export type LinkEnd = Static<typeof LinkEnd>;

/** The fields every view of a link shows of the link itself: its kind, purposes and flags. */
export const LinkFacts = {
  kind: Nullable(StringEnum(LINK_KINDS)),
  purposes: Type.Array(StringAs<LinkPurpose>()),
  exclusive: Type.Boolean(),
  unverified: Type.Boolean(),
};

/**
 * A link in a list or an export, with its status at the date asked; `formed` is the first forming event's
 * date (adopted, signed, formalised), `ended` the last termination's, when dated.
 */
export const LinkListItem = Type.Object({
  id: Type.Integer(),
  a: LinkEnd,
  b: LinkEnd,
  ...LinkFacts,
  status: StringEnum(LINK_STATUSES),
  since: NullableString,
  formed: NullableString,
  ended: NullableString,
  sources: Type.Array(Type.String()),
  version: Type.Integer(),
});
export type LinkListItem = Static<typeof LinkListItem>;

/** A link query: SQL filters, statuses at a date, and a page after a link id. */
export interface LinkQuery {
  filter: LinkFilter;
  statuses?: readonly LinkStatus[];
  /** The date of statuses and names; today when absent. */
  asOf?: PartialDate;
  afterId: number;
  limit: number;
}

/** A page of links and the id to continue after, null on the last page. */
export interface LinkPage {
  items: LinkListItem[];
  nextAfterId: number | null;
}

/**
 * Links matching a query, in id order. Country, kind, source and formed/ended dates are filtered in SQL.
 * Status is not stored (it is derived from events by `statusAt`), so a status filter loads the SQL
 * candidates in batches with their events and keeps those whose status matches: the cost is one pass over
 * the candidates after the cursor until the page fills, i.e. O(candidates scanned) event folds and three
 * queries a batch. A rare status over a wide filter therefore scans widely; narrow it in SQL (country,
 * kind, dates) to keep it cheap. Without a status filter exactly one batch of limit + 1 is read.
 */
export async function queryLinks(
  db: Kysely<DB>,
  query: LinkQuery,
  today: PartialDate,
): Promise<IdPage<LinkListItem>> {
  const wanted = query.limit + 1;
  const statuses = query.statuses && query.statuses.length > 0 ? new Set(query.statuses) : undefined;
  const batchSize = statuses ? Math.max(wanted * 2, 200) : wanted;
  const kept: { link: LinkRecord; status: ReturnType<typeof statusAt> }[] = [];
  let afterId = query.afterId;
  while (kept.length < wanted) {
    const ids = await linkIdsMatching(db, query.filter, afterId, batchSize);
    if (ids.length === 0) break;
    // A source that lists a link is evidence that it stood when the source was retrieved.
    const stating = await statingSourcesOf(db, ids);
    for (const link of await linksById(db, ids)) {
      const report = statusAt(link.events, query.asOf ?? today, knownBy(stating.get(link.id) ?? [], today));
      if (statuses && !statuses.has(report.status)) continue;
      kept.push({ link, status: report });
      if (kept.length === wanted) break;
    }
    afterId = ids.at(-1)!;
    if (ids.length < batchSize) break;
  }
  const page = kept.slice(0, query.limit);
  const localities = await localityLabelsById(
    db,
    page.flatMap(({ link }) => [link.aId, link.bId]),
    LABEL_LANG,
  );
  const sources = await sourceKeysOfLinks(
    db,
    page.map(({ link }) => link.id),
  );
  const end = (id: number): LinkEnd => toEnd(localities.get(id)!, query.asOf);
  return {
    items: page.map(({ link, status }) => {
      const dated = chronological(link.events);
      const formed = dated.find((e) => isFormingEvent(e.type));
      const ended = dated.filter((e) => e.type === 'terminated').at(-1);
      return {
        id: link.id,
        a: end(link.aId),
        b: end(link.bId),
        kind: link.kind ?? null,
        purposes: link.purposes,
        exclusive: link.exclusive,
        unverified: link.unverified,
        status: status.status,
        since: status.since ? formatPartialDate(status.since) : null,
        formed: formed?.date ? formatPartialDate(formed.date) : null,
        ended: ended?.date ? formatPartialDate(ended.date) : null,
        sources: sources.get(link.id) ?? [],
        version: link.version,
      };
    }),
    nextAfterId: kept.length > query.limit ? page.at(-1)!.link.id : null,
  };
}

/**
 * The links a query matches from its cursor on, a page at a time, up to `maxRows` in all (streaming-friendly:
 * a writer can send each page as it comes). The generator's return value says whether it stopped short.
 */
export async function* linkPages(
  db: Kysely<DB>,
  query: LinkQuery,
  today: PartialDate,
  bounds: { pageSize: number; maxRows: number },
): AsyncGenerator<LinkListItem[], boolean> {
  let afterId: number | null = query.afterId;
  let rows = 0;
  while (afterId !== null && rows < bounds.maxRows) {
    const limit = Math.min(bounds.pageSize, bounds.maxRows - rows);
    const page = await queryLinks(db, { ...query, afterId, limit }, today);
    rows += page.items.length;
    yield page.items;
    afterId = page.nextAfterId;
  }
  return afterId !== null;
}

/**
 * Whether a query matches more than `bounds.maxRows` links from its cursor on (whether `linkPages` would stop
 * short), known before any page is read: the SQL candidates are counted up to maxRows + 1 (ids only); only
 * when there are more and a status filter may drop some are the statuses derived, a page at a time.
 */
export async function linksBeyond(
  db: Kysely<DB>,
  query: LinkQuery,
  today: PartialDate,
  bounds: { pageSize: number; maxRows: number },
): Promise<boolean> {
  const candidates = await linkIdsMatching(db, query.filter, query.afterId, bounds.maxRows + 1);
  if (candidates.length <= bounds.maxRows) return false;
  if (!query.statuses || query.statuses.length === 0) return true;
  const pages = linkPages(db, query, today, bounds);
  for (;;) {
    const next = await pages.next();
    if (next.done) return next.value;
  }
}

/** Every link a query matches from its cursor on, up to `maxRows`; says whether it stopped short. */
export async function queryAllLinks(
  db: Kysely<DB>,
  query: LinkQuery,
  today: PartialDate,
  bounds: { pageSize: number; maxRows: number },
): Promise<{ items: LinkListItem[]; truncated: boolean }> {
  const items: LinkListItem[] = [];
  const pages = linkPages(db, query, today, bounds);
  for (;;) {
    const next = await pages.next();
    if (next.done) return { items, truncated: next.value };
    items.push(...next.value);
  }
}

/** The language a link's ends are named in. */
const LABEL_LANG = 'en';

function toEnd(locality: LocalityLabel, asOf: PartialDate | undefined): LinkEnd {
  return {
    id: locality.id,
    key: locality.key,
    name: nameAt(locality.labelNames, asOf, LABEL_LANG),
    kind: locality.kind,
    country: locality.country ?? null,
    coordinates: locality.coordinates ?? null,
  };
}
