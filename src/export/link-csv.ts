import type { LinkListItem } from '../registry/link/query.js';

/** The columns of a link export, in order. */
export const CSV_COLUMNS = [
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
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe, as OWASP advises.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Links as CSV, a header row first, CRLF line ends. */
export function linksToCsv(items: readonly LinkListItem[]): string {
  const rows = items.map((l) =>
    [
      l.id,
      l.a.key,
      l.a.name,
      l.a.country,
      l.a.coordinates?.lat ?? null,
      l.a.coordinates?.lon ?? null,
      l.b.key,
      l.b.name,
      l.b.country,
      l.b.coordinates?.lat ?? null,
      l.b.coordinates?.lon ?? null,
      l.kind,
      l.status,
      l.since,
      l.formed,
      l.ended,
      l.exclusive,
      l.purposes.join(';'),
      l.sources.join(';'),
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
