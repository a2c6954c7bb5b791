import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { nameAt } from '../../core/locality-names.js';
import { formatPartialDate } from '../../core/partial-date.js';
import { LatLon, Nullable, NullableString } from '../../core/shapes.js';
import { CitationView } from '../../core/source.js';
import { localitiesById, localityIdsByKey, type LocalityRecord } from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';
import { citationsFor } from '../../store/source.repository.js';

/** A locality with every stored fact, as the API returns it and the audit log records it. */
export const LocalityView = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String(),
    kind: Type.String(),
    country: NullableString,
    parent: Nullable(Type.Object({ key: Type.String(), name: Type.String() })),
    coordinates: Nullable(LatLon),
    population: Nullable(Type.Number()),
    populationYear: Nullable(Type.Integer()),
    wikidataId: NullableString,
    geonamesId: Nullable(Type.Integer()),
    unverified: Type.Boolean(),
    notes: NullableString,
    names: Type.Array(
      Type.Object({
        name: Type.String(),
        lang: Type.String(),
        validFrom: NullableString,
        validTo: NullableString,
        primary: Type.Boolean(),
      }),
    ),
    sources: Type.Array(CitationView),
    version: Type.Integer(),
  },
  { $id: 'Locality', title: 'Locality' },
);
export type LocalityView = Static<typeof LocalityView>;

/** Shapes a stored locality, its sources and its parent as a view. */
export function toLocalityView(
  record: LocalityRecord,
  sources: CitationView[],
  parent: LocalityRecord | undefined,
): LocalityView {
  return {
    id: record.id,
    key: record.key,
    kind: record.kind,
    country: record.country ?? null,
    parent: parent ? { key: parent.key, name: nameAt(parent.names) } : null,
    coordinates: record.coordinates ?? null,
    population: record.population === undefined ? null : Number(record.population),
    populationYear: record.populationYear ?? null,
    wikidataId: record.wikidataId ?? null,
    geonamesId: record.geonamesId ?? null,
    unverified: record.unverified ?? false,
    notes: record.notes ?? null,
    names: record.names.map((n) => ({
      name: n.name,
      lang: n.lang,
      validFrom: n.validFrom ? formatPartialDate(n.validFrom) : null,
      validTo: n.validTo ? formatPartialDate(n.validTo) : null,
      primary: n.primary ?? false,
    })),
    sources,
    version: record.version,
  };
}

/** The view of a stored locality record: reads its sources and parent. */
export async function viewOfRecord(db: Kysely<DB>, record: LocalityRecord): Promise<LocalityView> {
  const sources = await citationsFor(db, 'locality', [record.id]);
  const parent =
    record.parentId === null ? undefined : (await localitiesById(db, [record.parentId])).get(record.parentId);
  return toLocalityView(record, sources.get(record.id) ?? [], parent);
}

/** The view of a locality by id; LocalityNotFound when there is none. */
export async function localityView(db: Kysely<DB>, id: number): Promise<LocalityView> {
  const record = (await localitiesById(db, [id])).get(id);
  if (!record) throw new TwinningError('LocalityNotFound', `no locality has id ${id}`);
  return viewOfRecord(db, record);
}

/** The id of the locality with a key; LocalityNotFound naming the field when there is none. */
export async function localityIdOfKey(db: Kysely<DB>, key: string, field = 'key'): Promise<number> {
  const id = (await localityIdsByKey(db, [key])).get(key);
  if (id === undefined) throw noLocalityWithKey(key, field);
  return id;
}

/** The LocalityNotFound error for a key no locality has, naming the field it came from. */
export function noLocalityWithKey(key: string, field = 'key'): TwinningError {
  return new TwinningError('LocalityNotFound', `no locality has the key "${key}"`, { field });
}
