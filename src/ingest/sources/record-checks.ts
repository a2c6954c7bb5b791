import { existsSync, statSync } from 'node:fs';
import { TwinningError } from '../../core/errors.js';
import { malformed } from './malformed.js';
import type { ImportRecord, SourcePlace } from './records.js';

/** The longest text one field of a source may hold: longer is not a place's name or country. */
export const MAX_FIELD_LENGTH = 1000;

/** InvalidInput (exit 2) naming a file an import needs that is not there or is not a file. */
export function assertReadableFile(path: string, what = 'the file to import'): void {
  if (!existsSync(path))
    throw new TwinningError('InvalidInput', `${what} does not exist: ${path}`, { file: path });
  if (!statSync(path).isFile())
    throw new TwinningError('InvalidInput', `${what} is not a file: ${path}`, { file: path });
}

// The checks run on every field of every record: the errors are made only once a check fails.
const at = (record: ImportRecord, field: string, problem: string) =>
  malformed(record.file, record.line, 1, `${field}: ${problem}`);

const TEXT_FIELDS = ['name', 'country', 'countryCode', 'wikidataId', 'lang'] as const;

function checkText(record: ImportRecord, field: string, key: string, text: string | undefined): void {
  if (text === undefined) return;
  if (text.length > MAX_FIELD_LENGTH) {
    throw at(
      record,
      `${field}.${key}`,
      `${text.length} characters, more than the ${MAX_FIELD_LENGTH} a field may hold`,
    );
  }
  if (text.includes('\u0000')) throw at(record, `${field}.${key}`, 'contains a NUL character');
  if (text.includes('\uFFFD')) {
    throw at(
      record,
      `${field}.${key}`,
      'is not valid UTF-8 (a Latin-1 or Windows-1252 file?); convert the file to UTF-8 first',
    );
  }
}

function checkPlace(record: ImportRecord, field: string, place: SourcePlace): void {
  for (const key of TEXT_FIELDS) checkText(record, field, key, place[key]);
  if (place.lat !== undefined && !(Number.isFinite(place.lat) && Math.abs(place.lat) <= 90)) {
    throw at(record, field, `latitude ${place.lat} is outside -90..90`);
  }
  if (place.lon !== undefined && !(Number.isFinite(place.lon) && Math.abs(place.lon) <= 180)) {
    throw at(record, field, `longitude ${place.lon} is outside -180..180`);
  }
}

/**
 * Passes a source's records on, checked: every text field bounded, without NUL and valid UTF-8 (the
 * decoder turns other encodings into U+FFFD), coordinates within their ranges, and at least one record
 * in all (an empty or header-only file is an error, not an import of nothing). Errors are MalformedFile
 * at file:line.
 */
export async function* checkedRecords(
  records: AsyncIterable<ImportRecord>,
  file: string,
): AsyncGenerator<ImportRecord> {
  let count = 0;
  for await (const record of records) {
    if (record.kind === 'statement') {
      checkPlace(record, 'subject', record.subject);
      checkPlace(record, 'object', record.object);
    } else {
      checkPlace(record, 'place', record.place);
    }
    count++;
    yield record;
  }
  if (count === 0) {
    throw new TwinningError('MalformedFile', 'the file holds no records (empty, or a header only)', { file });
  }
}
