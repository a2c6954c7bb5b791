import type { LinkListItem } from '../registry/link/query.js';
import { csvLine, csvRecord, type CsvValue } from './csv.js';
import { linkFacts } from './link-facts.js';

/** The columns of every CSV export of links (the CLI's and the API's), in order. */
export const LINK_COLUMNS = [
  'id',
  'a_key',
  'a_name',
  'a_country',
  'a_lat',
  'a_lon',
  'b_key',
  'b_name',
  'b_country',
  'b_lat',
  'b_lon',
  'kind',
  'status',
  'since',
  'formed',
  'ended',
  'exclusive',
  'purposes',
  'sources',
  'one_sided_in',
] as const;

/** A link as exported: one value per column; lists (purposes, sources) stay lists until written. */
export type LinkRow = Record<(typeof LINK_COLUMNS)[number], CsvValue>;

/** A link's export row: the registry's view of it, and the directed sources in which only one side lists the other. */
export function linkRow(l: LinkListItem, oneSidedIn: readonly string[]): LinkRow {
  return {
    id: l.id,
    a_key: l.a.key,
    a_name: l.a.name,
    a_country: l.a.country,
    a_lat: l.a.coordinates?.lat ?? null,
    a_lon: l.a.coordinates?.lon ?? null,
    b_key: l.b.key,
    b_name: l.b.name,
    b_country: l.b.country,
    b_lat: l.b.coordinates?.lat ?? null,
    b_lon: l.b.coordinates?.lon ?? null,
    ...linkFacts(l),
    one_sided_in: oneSidedIn,
  };
}

/** The header line of a links CSV. */
export function linkCsvHeader(): string {
  return csvLine(LINK_COLUMNS);
}

/** One link as a CSV line. */
export function linkCsvLine(row: LinkRow): string {
  return csvRecord(LINK_COLUMNS, row);
}

/** Links as CSV, a header row first, CRLF line ends. */
export function linksToCsv(rows: readonly LinkRow[]): string {
  return [linkCsvHeader(), ...rows.map(linkCsvLine)].join('\r\n') + '\r\n';
}
