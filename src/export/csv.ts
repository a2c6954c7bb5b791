/** A value of a CSV field; null and undefined are empty; a list is joined with semicolons. */
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe,
 * as OWASP advises; numbers are written as they are, so -1.5 stays a number.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string' && typeof value !== 'object') return String(value);
  const text = typeof value === 'string' ? value : value.join(';');
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (no line end) from values in column order. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** One CSV line of a record's values in the order of `columns`. */
export function csvRecord<C extends string>(
  columns: readonly C[],
  record: Readonly<Record<C, CsvValue>>,
): string {
  return csvLine(columns.map((c) => record[c]));
}
