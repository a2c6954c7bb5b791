import type { Readable } from 'node:stream';
import { MAX_LINE_LENGTH, readLines } from './line-reader.js';
import { positionAt, tryParseJson } from './json-position.js';
import { malformed } from './malformed.js';
import { isQid, type ImportRecord, type SourcePlace } from './records.js';
import { wikidataDate } from './wikidata-date.js';

interface Snak {
  snaktype?: string;
  datavalue?: { value?: unknown };
}
interface Claim {
  mainsnak?: Snak;
  rank?: string;
  qualifiers?: Record<string, Snak[] | undefined>;
}
interface Entity {
  id?: string;
  labels?: Record<string, { language?: string; value?: string } | undefined>;
  claims?: Record<string, Claim[] | undefined>;
}

const LABEL_ORDER = ['en', 'de', 'fr', 'es', 'it'];

function values(entity: Entity, property: string): unknown[] {
  return (entity.claims?.[property] ?? [])
    .filter((c) => c.rank !== 'deprecated' && c.mainsnak?.snaktype !== 'novalue')
    .map((c) => c.mainsnak?.datavalue?.value)
    .filter((v) => v !== undefined);
}

function label(entity: Entity): { name: string; lang: string } | undefined {
  const labels = entity.labels ?? {};
  const lang = LABEL_ORDER.find((l) => labels[l]?.value) ?? Object.keys(labels).find((l) => labels[l]?.value);
  return lang === undefined ? undefined : { name: labels[lang]!.value!, lang };
}

function qualifierDate(claim: Claim, property: string) {
  const value = claim.qualifiers?.[property]?.[0]?.datavalue?.value as
    { time?: string; precision?: number } | undefined;
  return value?.time ? wikidataDate(value.time, value.precision) : undefined;
}

function describePlace(entity: Entity & { id: string }, isoByQid: ReadonlyMap<string, string>): SourcePlace {
  const place: SourcePlace = { name: entity.id, wikidataId: entity.id, lang: 'und', ...label(entity) };
  const coord = values(entity, 'P625')[0] as { latitude?: number; longitude?: number } | undefined;
  if (typeof coord?.latitude === 'number' && typeof coord.longitude === 'number') {
    Object.assign(place, { lat: coord.latitude, lon: coord.longitude });
  }
  const countryId = (values(entity, 'P17')[0] as { id?: string } | undefined)?.id;
  const iso = countryId ? isoByQid.get(countryId) : undefined;
  if (iso) place.countryCode = iso;
  return place;
}

function* entityRecords(
  entity: Entity & { id: string },
  file: string,
  line: number,
  isoByQid: Map<string, string>,
): Generator<ImportRecord> {
  const iso = values(entity, 'P297')[0];
  if (typeof iso === 'string') isoByQid.set(entity.id, iso.toUpperCase());
  const subject = describePlace(entity, isoByQid);
  yield { kind: 'place', file, line, place: { ...subject, wikidataId: entity.id } };
  for (const claim of entity.claims?.P190 ?? []) {
    const target = (claim.mainsnak?.datavalue?.value as { id?: string } | undefined)?.id;
    if (claim.rank === 'deprecated' || target === undefined || !isQid(target)) continue;
    const start = qualifierDate(claim, 'P580');
    const end = qualifierDate(claim, 'P582');
    yield {
      kind: 'statement',
      file,
      line,
      directed: true,
      subject,
      object: { name: target, wikidataId: target },
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    };
  }
}

/**
 * The longest line of an entity dump: one entity's JSON, which for a country or a large city with every
 * label and claim runs to a few megabytes.
 */
const MAX_ENTITY_LINE = 64 * MAX_LINE_LENGTH;

/**
 * Streams a Wikidata entity dump in JSON lines (one entity a line; the full dump's `[`, `]` and
 * trailing commas are accepted): each entity as a place, each P190 claim as a directed statement with
 * its P580/P582 dates. Country items in the dump (those with P297) give their ISO code to places in them.
 */
export async function* readWikidataDump(
  source: string | Readable,
  file: string,
): AsyncGenerator<ImportRecord> {
  const isoByQid = new Map<string, string>();
  const pending: { entity: Entity & { id: string }; line: number }[] = [];
  for await (const { line, text } of readLines(source, { file, maxLength: MAX_ENTITY_LINE })) {
    const trimmed = text.trim().replace(/,$/, '');
    if (trimmed === '' || trimmed === '[' || trimmed === ']') continue;
    const parsed = tryParseJson(trimmed);
    if (!('value' in parsed)) {
      const at = positionAt(trimmed, parsed.offset, { line, column: 1 + text.indexOf(trimmed[0]!) });
      throw malformed(file, at.line, at.column, parsed.message);
    }
    const entity = parsed.value as Entity;
    if (typeof entity !== 'object' || entity === null || typeof entity.id !== 'string') {
      throw malformed(file, line, 1, 'expected an entity object with an "id"');
    }
    const withId = entity as Entity & { id: string };
    yield* entityRecords(withId, file, line, isoByQid);
    const countryId = (values(entity, 'P17')[0] as { id?: string } | undefined)?.id;
    if (countryId && !isoByQid.has(countryId))
      pending.push({ entity: { id: withId.id, claims: { P17: entity.claims!.P17! } }, line });
  }
  for (const { entity, line } of pending) {
    const code = isoByQid.get((values(entity, 'P17')[0] as { id: string }).id);
    if (code)
      yield {
        kind: 'place',
        file,
        line,
        place: { name: entity.id, wikidataId: entity.id, countryCode: code },
      };
  }
}
