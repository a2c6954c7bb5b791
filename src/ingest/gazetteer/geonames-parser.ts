import type { Readable } from 'node:stream';
import { readLineBatches } from '../sources/line-reader.js';
import { fieldColumn, malformed } from '../sources/malformed.js';

/** One row of a GeoNames dump (cities500, cities1000, allCountries): the 19 columns, typed. */
export interface GeoNamesPlace {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  country: string;
  cc2: string;
  admin1: string;
  admin2: string;
  admin3: string;
  admin4: string;
  population: number;
  elevation?: number;
  dem?: number;
  timezone: string;
  modified: string;
}

const COLUMNS = 19;

function integerAt(
  fields: string[],
  i: number,
  file: string,
  line: number,
  what: string,
  optional = false,
): number | undefined {
  const text = fields[i]!;
  if (text === '' && optional) return undefined;
  const value = Number(text);
  if (text === '' || !Number.isInteger(value)) {
    throw malformed(file, line, fieldColumn(fields, i), `expected ${what} (a whole number), found "${text}"`);
  }
  return value;
}

function coordinateAt(fields: string[], i: number, file: string, line: number, limit: number): number {
  const value = Number(fields[i]);
  if (fields[i] === '' || !Number.isFinite(value) || Math.abs(value) > limit) {
    const what = limit === 90 ? 'a latitude' : 'a longitude';
    throw malformed(
      file,
      line,
      fieldColumn(fields, i),
      `expected ${what} within ±${limit}, found "${fields[i]}"`,
    );
  }
  return value;
}

/** Parses one GeoNames line; throws MalformedFile at file:line:column when a field is wrong. */
export function parseGeoNamesLine(text: string, file: string, line: number): GeoNamesPlace {
  const f = text.split('\t');
  if (f.length !== COLUMNS) {
    const column = f.length > COLUMNS ? fieldColumn(f, COLUMNS) : text.length + 1;
    throw malformed(
      file,
      line,
      column,
      `expected ${COLUMNS} tab-separated GeoNames columns, found ${f.length}`,
    );
  }
  return {
    geonameId: integerAt(f, 0, file, line, 'a geonameid')!,
    name: f[1]!,
    asciiName: f[2]!,
    alternateNames: f[3] === '' ? [] : f[3]!.split(','),
    lat: coordinateAt(f, 4, file, line, 90),
    lon: coordinateAt(f, 5, file, line, 180),
    featureClass: f[6]!,
    featureCode: f[7]!,
    country: f[8]!,
    cc2: f[9]!,
    admin1: f[10]!,
    admin2: f[11]!,
    admin3: f[12]!,
    admin4: f[13]!,
    population: integerAt(f, 14, file, line, 'a population', true) ?? 0,
    elevation: integerAt(f, 15, file, line, 'an elevation', true),
    dem: integerAt(f, 16, file, line, 'a DEM elevation', true),
    timezone: f[17]!,
    modified: f[18]!,
  };
}

/** Streams a GeoNames dump, one place a line; blank lines and `#` comments are skipped. */
export async function* readGeoNames(source: string | Readable, file: string): AsyncGenerator<GeoNamesPlace> {
  for await (const batch of readGeoNamesBatches(source, file)) yield* batch;
}

/** The places of `readGeoNames`, a chunk read's lines at once. */
export async function* readGeoNamesBatches(
  source: string | Readable,
  file: string,
): AsyncGenerator<GeoNamesPlace[]> {
  for await (const lines of readLineBatches(source, { file })) {
    const places: GeoNamesPlace[] = [];
    for (const { line, text } of lines)
      if (text !== '' && !text.startsWith('#')) places.push(parseGeoNamesLine(text, file, line));
    if (places.length > 0) yield places;
  }
}
