import type { Readable } from 'node:stream';
import { streamJsonArray, type JsonElement } from './json-array-stream.js';
import { malformed } from './malformed.js';
import { isQid, qidFromUri, type SourcePlace, type StatementRecord } from './records.js';
import { wikidataDate } from './wikidata-date.js';

/** One SPARQL JSON binding: variable name to typed value. */
type Binding = Record<string, { type?: string; value?: string; 'xml:lang'?: string } | undefined>;

const POINT = /^Point\(\s*(-?[\d.]+(?:e-?\d+)?)\s+(-?[\d.]+(?:e-?\d+)?)\s*\)$/i;

/** Longitude and latitude from a WKT literal `Point(lon lat)`, or undefined. */
export function parseWktPoint(text: string | undefined): { lat: number; lon: number } | undefined {
  const match = text === undefined ? null : POINT.exec(text.trim());
  if (!match) return undefined;
  const lon = Number(match[1]);
  const lat = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

function place(binding: Binding, prefix: 'item' | 'twin', where: JsonElement, file: string): SourcePlace {
  const id = qidFromUri(binding[prefix]?.value ?? '');
  if (!isQid(id))
    throw malformed(
      file,
      where.line,
      where.column,
      `expected ?${prefix} to be a Wikidata item URI, found "${binding[prefix]?.value ?? ''}"`,
    );
  const label = binding[`${prefix}Label`];
  const name = label?.value && label.value !== id ? label.value : id;
  const result: SourcePlace = { name, wikidataId: id, lang: label?.['xml:lang'] ?? 'und' };
  const point = parseWktPoint(binding[`${prefix}Coord`]?.value);
  if (point) Object.assign(result, point);
  const code = binding[`${prefix}Country`]?.value?.trim().toUpperCase();
  if (code && /^[A-Z]{2}$/.test(code)) result.countryCode = code;
  return result;
}

function precision(binding: Binding, name: string): number | undefined {
  const text = binding[name]?.value;
  return text === undefined ? undefined : Number(text);
}

/** Turns one binding into a directed statement with its start and end dates. */
export function bindingToStatement(element: JsonElement, file: string): StatementRecord {
  const binding = element.value as Binding;
  if (typeof binding !== 'object' || binding === null || Array.isArray(binding)) {
    throw malformed(file, element.line, element.column, 'expected a binding object');
  }
  const record: StatementRecord = {
    kind: 'statement',
    file,
    line: element.line,
    directed: true,
    subject: place(binding, 'item', element, file),
    object: place(binding, 'twin', element, file),
  };
  const start = binding.start?.value
    ? wikidataDate(binding.start.value, precision(binding, 'startPrecision'))
    : undefined;
  const end = binding.end?.value
    ? wikidataDate(binding.end.value, precision(binding, 'endPrecision'))
    : undefined;
  if (start) record.start = start;
  if (end) record.end = end;
  return record;
}

/**
 * Streams Wikidata Query Service JSON results for P190 (variables item, twin, their Label, Coord and
 * Country, start and end with optional startPrecision and endPrecision) as directed statements.
 */
export async function* readWikidataSparql(
  source: string | Readable,
  file: string,
): AsyncGenerator<StatementRecord> {
  for await (const element of streamJsonArray(source, file, 'bindings'))
    yield bindingToStatement(element, file);
}
