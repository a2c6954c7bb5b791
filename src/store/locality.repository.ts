import type { Kysely, Selectable } from 'kysely';
import type { Locality, LocalityKind } from '../core/locality.js';
import { parsePartialDate } from '../core/partial-date.js';
import { foldText } from '../core/text-fold.js';
import { fromFlag } from './booleans.js';
import { searchNameIndex } from './name-index.repository.js';
import type { DB } from './schema.js';

/** A stored locality: the domain fields with its id, version and the id of its parent. */
export interface LocalityRecord extends Omit<Locality, 'citations' | 'parentKey'> {
  id: number;
  parentId: number | null;
  version: number;
}

/** Ids of the localities with these keys. */
export async function localityIdsByKey(
  db: Kysely<DB>,
  keys: readonly string[],
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('localities')
    .select(['id', 'key'])
    .where('key', 'in', [...keys])
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** A stored locality row as a record, its names still to be added (in id order, by `localityNameOf`). */
export function localityRecordOf(r: Selectable<DB['localities']>): LocalityRecord {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind as LocalityKind,
    country: r.country ?? undefined,
    subdivision: r.subdivision ?? undefined,
    parentId: r.parent_id,
    coordinates: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : undefined,
    population: r.population ?? undefined,
    populationYear: r.population_year ?? undefined,
    wikidataId: r.wikidata_id ?? undefined,
    geonamesId: r.geonames_id ?? undefined,
    unverified: fromFlag(r.unverified),
    notes: r.notes ?? undefined,
    version: r.version,
    names: [],
  };
}

/** A stored name row as one of a locality record's names. */
export function localityNameOf(n: Selectable<DB['locality_names']>): LocalityRecord['names'][number] {
  return {
    name: n.name,
    lang: n.lang,
    validFrom: n.valid_from ? parsePartialDate(n.valid_from) : undefined,
    validTo: n.valid_to ? parsePartialDate(n.valid_to) : undefined,
    primary: fromFlag(n.is_primary),
  };
}

/** Localities by id, with their names; missing ids are absent from the map. */
export async function localitiesById(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, LocalityRecord>> {
  const result = new Map<number, LocalityRecord>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('localities')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  const names = await db
    .selectFrom('locality_names')
    .selectAll()
    .where('locality_id', 'in', [...ids])
    .orderBy('id')
    .execute();
  for (const r of rows) result.set(r.id, localityRecordOf(r));
  for (const n of names) result.get(n.locality_id)?.names.push(localityNameOf(n));
  return result;
}

/** A locality as a link's end shows it: who it is, where, and the names it may be labelled by (`labelNames`). */
export interface LocalityLabel extends Pick<
  LocalityRecord,
  'id' | 'key' | 'kind' | 'country' | 'coordinates'
> {
  /** Its names, in id order, that `nameAt` may choose in the language asked at any date; not all its names. */
  labelNames: LocalityRecord['names'];
}

/**
 * Localities by id with the names that `nameAt(names, date, lang)` can choose at any date: the primary, the
 * dated, those in `lang`, and each one's first name and first undated name (its fallbacks). `nameAt` over
 * them gives what it gives over every name, since the names it skips are undated names in other languages
 * that never come before these. On the world, 198,000 names become about 20,000, so labelling the ends of a
 * page of links (an export, `/v1/links`) no longer reads every alternate name of every big city again.
 */
export async function localityLabelsById(
  db: Kysely<DB>,
  ids: readonly number[],
  lang: string,
): Promise<Map<number, LocalityLabel>> {
  const result = new Map<number, LocalityLabel>();
  if (ids.length === 0) return result;
  const wanted = [...new Set(ids)];
  const rows = await db.selectFrom('localities').selectAll().where('id', 'in', wanted).execute();
  const firstNames = (undated: boolean) => {
    let first = db
      .selectFrom('locality_names')
      .select((eb) => eb.fn.min('id').as('first'))
      .where('locality_id', 'in', wanted);
    if (undated) first = first.where('valid_from', 'is', null).where('valid_to', 'is', null);
    return first.groupBy('locality_id');
  };
  const names = await db
    .selectFrom('locality_names')
    .selectAll()
    .where('locality_id', 'in', wanted)
    .where((eb) =>
      eb.or([
        eb('is_primary', '=', 1),
        eb('valid_from', 'is not', null),
        eb('valid_to', 'is not', null),
        eb('lang', '=', lang),
        eb('id', 'in', firstNames(false)),
        eb('id', 'in', firstNames(true)),
      ]),
    )
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const { id, key, kind, country, coordinates } = localityRecordOf(r);
    result.set(id, { id, key, kind, country, coordinates, labelNames: [] });
  }
  for (const n of names) result.get(n.locality_id)?.labelNames.push(localityNameOf(n));
  return result;
}

/** Ids of localities whose key is the text (in any case), or one of whose names (any language, any period) folds to it. */
export async function localityIdsByExactName(db: Kysely<DB>, text: string): Promise<number[]> {
  const byKey = await db
    .selectFrom('localities')
    .select('id')
    .where('key', '=', text.toLowerCase())
    .execute();
  if (byKey.length > 0) return byKey.map((r) => r.id);
  const rows = await db
    .selectFrom('locality_names')
    .select('locality_id')
    .distinct()
    .where('folded', '=', foldText(text))
    .orderBy('locality_id')
    .execute();
  return rows.map((r) => r.locality_id);
}

/** A search hit: the locality id and the name that matched. */
export interface NameHit {
  localityId: number;
  matched: string;
  rank: number;
}

/**
 * Localities one of whose names (any language, any period) has a word beginning with the text, best first:
 * whole-name matches, then name prefixes, then later-word prefixes; larger places first within a rank.
 * Answered from the word index (see name-index.repository.ts), so the CLI and the API share one search.
 */
export async function searchLocalityNames(db: Kysely<DB>, text: string, limit: number): Promise<NameHit[]> {
  const matches = await searchNameIndex(db, { text, limit });
  return matches.map((m) => ({ localityId: m.localityId, matched: m.matched, rank: m.rank }));
}
