import type { Kysely } from 'kysely';
import type { PartialDate } from '../core/partial-date.js';
import { linkPages, linksBeyond, type LinkListItem, type LinkQuery } from '../registry/link/query.js';
import type { DB } from '../store/schema.js';
import { linkCsvHeader, linkCsvLine } from './link-csv.js';
import { geoJsonWriter } from './link-geojson.js';
import { graphMlWriter } from './link-graphml.js';
import { linkRows } from './link-rows.js';

/** A link export being written: its opening, each page's text (CSV reads each page's one-sided sources), its closing. */
interface LinkExportWriter {
  head: string;
  page(items: readonly LinkListItem[]): Promise<string>;
  tail: string;
}

/** The export formats of a link query, with their media type, file name and a writer over a database. */
export const LINK_EXPORTS = {
  csv: {
    type: 'text/csv; charset=utf-8',
    file: 'links.csv',
    open: (db) => ({
      head: `${linkCsvHeader()}\r\n`,
      page: async (items) => (await linkRows(db, items)).map((row) => `${linkCsvLine(row)}\r\n`).join(''),
      tail: '',
    }),
  },
  geojson: {
    type: 'application/geo+json',
    file: 'links.geojson',
    open: () => synchronous(geoJsonWriter()),
  },
  graphml: {
    type: 'application/graphml+xml; charset=utf-8',
    file: 'links.graphml',
    open: () => synchronous(graphMlWriter()),
  },
} satisfies Record<string, { type: string; file: string; open(db: Kysely<DB>): LinkExportWriter }>;

/** A format of link export. */
export type ExportFormat = keyof typeof LINK_EXPORTS;

function synchronous(writer: ReturnType<typeof geoJsonWriter>): LinkExportWriter {
  return { head: writer.head, page: async (items) => writer.page(items), tail: writer.tail };
}

/** How an export is bounded: links read a page at a time, and at most maxRows in all. */
export interface ExportBounds {
  pageSize: number;
  maxRows: number;
}

/**
 * A link export as a stream of text chunks, one a page of links (plus the opening and closing), read from the
 * database a page at a time so that no export holds more than a page; `truncated` (known before the first
 * chunk, so it can travel in a header) says whether the export limit cuts it short.
 */
export async function linkExport(
  db: Kysely<DB>,
  format: ExportFormat,
  query: LinkQuery,
  today: PartialDate,
  bounds: ExportBounds,
): Promise<{ truncated: boolean; chunks: AsyncGenerator<string> }> {
  const truncated = await linksBeyond(db, query, today, bounds);
  async function* chunks(): AsyncGenerator<string> {
    const writer = LINK_EXPORTS[format].open(db);
    yield writer.head;
    for await (const page of linkPages(db, query, today, bounds)) yield await writer.page(page);
    yield writer.tail;
  }
  return { truncated, chunks: chunks() };
}
