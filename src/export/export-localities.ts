import type { Kysely } from 'kysely';
import { localityPage } from '../store/export.repository.js';
import type { DB } from '../store/schema.js';

/** A locality as exported. */
export interface ExportedLocality {
  id: number;
  key: string;
  name: string;
  names: string[];
  kind: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geonames_id: number | null;
  wikidata_id: string | null;
  match_method: string | null;
  confidence: number | null;
  doubtful: boolean;
}

/** The columns of the localities CSV, in order. */
export const LOCALITY_COLUMNS = [
  'id',
  'key',
  'name',
  'names',
  'kind',
  'country',
  'lat',
  'lon',
  'geonames_id',
  'wikidata_id',
  'match_method',
  'confidence',
  'doubtful',
] as const;

/** Every locality with its names, ids and best match, a page at a time. */
export async function* exportLocalities(db: Kysely<DB>, pageSize = 2000): AsyncGenerator<ExportedLocality> {
  for (let after = 0; ;) {
    const { rows, names, matches } = await localityPage(db, after, pageSize);
    if (rows.length === 0) return;
    for (const r of rows) {
      const own = names.filter((n) => n.locality_id === r.id);
      const best = matches.find((m) => m.locality_id === r.id);
      yield {
        id: r.id,
        key: r.key,
        name: (own.find((n) => n.is_primary === 1) ?? own[0])?.name ?? r.key,
        names: own.map((n) => n.name),
        kind: r.kind,
        country: r.country,
        lat: r.lat,
        lon: r.lon,
        geonames_id: r.geonames_id,
        wikidata_id: r.wikidata_id,
        match_method: best?.method ?? null,
        confidence: best?.confidence ?? null,
        doubtful: best?.doubtful === 1,
      };
    }
    after = rows[rows.length - 1]!.id;
  }
}
