import { TwinningError } from '../../core/errors.js';

/** The fields a side of a pair can take from a CSV column. */
export const SIDE_FIELDS = ['name', 'country', 'code', 'lat', 'lon', 'qid'] as const;
export type SideField = (typeof SIDE_FIELDS)[number];

/** Which CSV column holds each field of sides a and b (and the link's dates). */
export interface ColumnMapping {
  a: Partial<Record<SideField, string>> & { name: string };
  b: Partial<Record<SideField, string>> & { name: string };
  start?: string;
  end?: string;
}

/** The Wikipedia-list files: `city1,country1,city2,country2`, with `lat1,lng1,lat2,lng2` when geocoded. */
export const WIKIPEDIA_LIST_MAPPING: ColumnMapping = {
  a: { name: 'city1', country: 'country1', lat: 'lat1', lon: 'lng1' },
  b: { name: 'city2', country: 'country2', lat: 'lat2', lon: 'lng2' },
};

function bad(message: string): TwinningError {
  return new TwinningError('InvalidInput', message, { field: 'map' });
}

/**
 * Parses a mapping written on the command line: `a=city1,a.country=country1,b=city2,b.lat=lat2,start=since`.
 * Sides take name (written `a` alone), country, code (ISO alpha-2), lat, lon, qid; the link takes start and end.
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const sides: Record<'a' | 'b', Partial<Record<SideField, string>>> = { a: {}, b: {} };
  const link: { start?: string; end?: string } = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw bad(`"${part}" is not key=column`);
    const key = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (key === 'start' || key === 'end') {
      link[key] = column;
      continue;
    }
    const [side, field = 'name'] = key.split('.', 2) as [string, string | undefined];
    if ((side !== 'a' && side !== 'b') || !(SIDE_FIELDS as readonly string[]).includes(field)) {
      throw bad(
        `"${key}" is not a mapping key; use a, b, a.<field> or b.<field> with field one of ${SIDE_FIELDS.join(', ')}, or start, end`,
      );
    }
    sides[side][field as SideField] = column;
  }
  const { a, b } = sides;
  if (a.name === undefined || b.name === undefined)
    throw bad('the mapping needs a=<column> and b=<column> for the two names');
  return { a: { ...a, name: a.name }, b: { ...b, name: b.name }, ...link };
}

/** Every column a mapping names. */
export function mappedColumns(mapping: ColumnMapping): string[] {
  const sideColumns = [...Object.values(mapping.a), ...Object.values(mapping.b)];
  return [...sideColumns, mapping.start, mapping.end].filter((c): c is string => c !== undefined);
}
