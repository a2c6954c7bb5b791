import { continentOf } from '../country.js';
import { EARTH_RADIUS_KM, haversineKm } from '../geo.js';
import { foldText } from '../text-fold.js';
import { languagesOf } from './languages.js';
import { nameWordIndex, type NameWordIndex } from './name-words.js';

/** A place as the partner finder sees it: what the registry and its gazetteer hold of it. */
export interface SuggestPlace {
  key: string;
  name: string;
  country?: string;
  /** Continent code (EU, AS…); derived from the country when not given. */
  continent?: string;
  lat?: number;
  lon?: number;
  population?: number;
  /** The administrative level (`city`, `town`, `district`…). */
  kind?: string;
  /** The seat it is (`seatLevel` of its GeoNames feature code: 0 a capital … 6 no seat), when its feature code is known. */
  seat?: number;
  /** Its first-level division as country and GeoNames admin1 code (`FR.27`), when its gazetteer place is known. */
  division?: string;
  /** How many other names (in other languages and spellings) GeoNames gives its place, when its place is known. */
  otherNames?: number;
  /** The km to the nearest coast, up to COAST_SEARCH_KM (`kmToCoast`), when its coordinates are known. */
  coastKm?: number;
}

/**
 * The network the finder ranks on: places, links as compressed sparse rows, and what every feature needs
 * precomputed once (country ids, country-pair link counts, folded names, log populations, languages).
 */
export interface SuggestGraph {
  places: readonly SuggestPlace[];
  indexOf: ReadonlyMap<string, number>;
  /** Neighbours of place i are adjacency[offsets[i] .. offsets[i+1]), ascending. */
  offsets: Int32Array;
  adjacency: Int32Array;
  /** Per place: its country's index in `countries`, or -1. */
  countryOf: Int32Array;
  countries: readonly string[];
  /** Per place: its continent's index in `continents`, or -1. */
  continentOf: Int32Array;
  continents: readonly string[];
  /** Links between countries i and j at [i * countries.length + j] (symmetric; a domestic link counts once). */
  countryPairLinks: Float64Array;
  /** Link ends in each country (a domestic link counts twice). */
  countryEnds: Float64Array;
  links: number;
  /** Folded primary names. */
  names: readonly string[];
  /** The words of those names, and how rare each is. */
  nameWords: NameWordIndex;
  /** log10 of the population, NaN when unknown. */
  logPopulation: Float64Array;
  /** Per place: its seat level (`seatLevel`), or -1 when unknown. */
  seatOf: Int8Array;
  /** log(1 + the number of other names GeoNames gives the place), NaN when unknown: how widely it is known. */
  logOtherNames: Float64Array;
  /** log(1 + km to the coast), NaN when unknown. */
  logCoastKm: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Each place as a point on the unit sphere (NaN without coordinates), for fast nearest-place scans. */
  unitX: Float64Array;
  unitY: Float64Array;
  unitZ: Float64Array;
  /** Per country index: its official languages (ISO 639-1). */
  languages: readonly (readonly string[])[];
  /** Per place: its cell of the one-degree grid (`cellKey`), or -1 without coordinates. */
  cellOf: Int32Array;
  /** Links between the places of two cells: cellLinks.get(a).get(b) (symmetric). */
  cellLinks: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Median log(1 + km) over the links whose ends both have coordinates (TYPICAL_LINK_KM when none have). */
  medianLogDistance: number;
  /** Per place: its first-level division's index in `divisions`, or -1 when unknown. */
  divisionOf: Int32Array;
  divisions: readonly string[];
  /** Links between the places of two divisions: divisionLinks.get(a).get(b) (symmetric; a link within one counts once). */
  divisionLinks: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Link ends in each division towards each country: divisionCountryLinks.get(division).get(country index). */
  divisionCountryLinks: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Per division: the share of its places with at least one partner. */
  divisionLinkedShare: Float64Array;
}

const RAD = Math.PI / 180;

/** The distance assumed for a network with no placed link: about the median of the world's twinnings. */
export const TYPICAL_LINK_KM = 1000;

/** Builds the finder's graph from places and links given as pairs of place indices (self-links and repeats dropped). */
export function buildSuggestGraph(
  places: readonly SuggestPlace[],
  edges: readonly (readonly [number, number])[],
): SuggestGraph {
  const n = places.length;
  const indexOf = new Map(places.map((p, i) => [p.key, i]));
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [a, b] of edges) {
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const id = lo * n + hi;
    if (seen.has(id)) continue;
    seen.add(id);
    pairs.push([lo, hi]);
  }
  const degree = new Int32Array(n);
  for (const [a, b] of pairs) {
    degree[a]!++;
    degree[b]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const adjacency = new Int32Array(offsets[n]!);
  for (const [a, b] of pairs) {
    adjacency[fill[a]!++] = b;
    adjacency[fill[b]!++] = a;
  }
  for (let i = 0; i < n; i++) adjacency.subarray(offsets[i]!, offsets[i + 1]!).sort();

  const countryIndex = new Map<string, number>();
  const continentIndex = new Map<string, number>();
  const countryOfPlace = new Int32Array(n).fill(-1);
  const continentOfPlace = new Int32Array(n).fill(-1);
  places.forEach((p, i) => {
    if (p.country) {
      if (!countryIndex.has(p.country)) countryIndex.set(p.country, countryIndex.size);
      countryOfPlace[i] = countryIndex.get(p.country)!;
    }
    const continent = p.continent ?? (p.country ? continentOf(p.country) : undefined);
    if (continent) {
      if (!continentIndex.has(continent)) continentIndex.set(continent, continentIndex.size);
      continentOfPlace[i] = continentIndex.get(continent)!;
    }
  });
  const countries = [...countryIndex.keys()];
  const c = countries.length;
  const countryPairLinks = new Float64Array(c * c);
  const countryEnds = new Float64Array(c);
  const logDistances: number[] = [];
  const lat = Float64Array.from(places, (p) => p.lat ?? NaN);
  const lon = Float64Array.from(places, (p) => p.lon ?? NaN);
  for (const [a, b] of pairs) {
    const ca = countryOfPlace[a]!;
    const cb = countryOfPlace[b]!;
    if (ca >= 0 && cb >= 0) {
      countryPairLinks[ca * c + cb]!++;
      if (ca !== cb) countryPairLinks[cb * c + ca]!++;
      countryEnds[ca]!++;
      countryEnds[cb]!++;
    }
    const km = haversineKm(lat[a]!, lon[a]!, lat[b]!, lon[b]!);
    if (Number.isFinite(km)) logDistances.push(Math.log1p(km));
  }
  const cellOf = Int32Array.from(places, (_, i) => cellKey(lat[i]!, lon[i]!));
  const cellLinks = new Map<number, Map<number, number>>();
  const addCellLink = (x: number, y: number): void => {
    const row = cellLinks.get(x) ?? cellLinks.set(x, new Map()).get(x)!;
    row.set(y, (row.get(y) ?? 0) + 1);
  };
  for (const [a, b] of pairs) {
    const x = cellOf[a]!;
    const y = cellOf[b]!;
    if (x < 0 || y < 0) continue;
    addCellLink(x, y);
    if (x !== y) addCellLink(y, x);
  }
  const divisions = divisionsOf(places, pairs, countryOfPlace, degree);
  const names = places.map((p) => foldText(p.name));
  return {
    places,
    indexOf,
    ...divisions,
    cellOf,
    cellLinks,
    offsets,
    adjacency,
    countryOf: countryOfPlace,
    countries,
    continentOf: continentOfPlace,
    continents: [...continentIndex.keys()],
    countryPairLinks,
    countryEnds,
    links: pairs.length,
    names,
    nameWords: nameWordIndex(names),
    logPopulation: Float64Array.from(places, (p) =>
      p.population !== undefined && p.population > 0 ? Math.log10(p.population) : NaN,
    ),
    seatOf: Int8Array.from(places, (p) => p.seat ?? -1),
    logOtherNames: Float64Array.from(places, (p) =>
      p.otherNames !== undefined ? Math.log1p(p.otherNames) : NaN,
    ),
    logCoastKm: Float64Array.from(places, (p) => (p.coastKm !== undefined ? Math.log1p(p.coastKm) : NaN)),
    lat,
    lon,
    unitX: lat.map((la, i) => Math.cos(la * RAD) * Math.cos(lon[i]! * RAD)),
    unitY: lat.map((la, i) => Math.cos(la * RAD) * Math.sin(lon[i]! * RAD)),
    unitZ: lat.map((la) => Math.sin(la * RAD)),
    languages: countries.map((code) => languagesOf(code)),
    medianLogDistance: logDistances.length > 0 ? median(logDistances) : Math.log1p(TYPICAL_LINK_KM),
  };
}

/** Adds one to map.get(x).get(y). */
function bump2(map: Map<number, Map<number, number>>, x: number, y: number): void {
  const row = map.get(x) ?? map.set(x, new Map()).get(x)!;
  row.set(y, (row.get(y) ?? 0) + 1);
}

/** The first-level divisions of the places, the links between them and towards each country, and how active each is. */
function divisionsOf(
  places: readonly SuggestPlace[],
  pairs: readonly (readonly [number, number])[],
  countryOf: Int32Array,
  degree: Int32Array,
): Pick<
  SuggestGraph,
  'divisionOf' | 'divisions' | 'divisionLinks' | 'divisionCountryLinks' | 'divisionLinkedShare'
> {
  const index = new Map<string, number>();
  const divisionOf = Int32Array.from(places, (p) => {
    if (p.division === undefined || p.division === '') return -1;
    if (!index.has(p.division)) index.set(p.division, index.size);
    return index.get(p.division)!;
  });
  const divisionLinks = new Map<number, Map<number, number>>();
  const divisionCountryLinks = new Map<number, Map<number, number>>();
  for (const [a, b] of pairs) {
    const x = divisionOf[a]!;
    const y = divisionOf[b]!;
    if (x >= 0 && y >= 0) {
      bump2(divisionLinks, x, y);
      if (x !== y) bump2(divisionLinks, y, x);
    }
    if (x >= 0 && countryOf[b]! >= 0) bump2(divisionCountryLinks, x, countryOf[b]!);
    if (y >= 0 && countryOf[a]! >= 0) bump2(divisionCountryLinks, y, countryOf[a]!);
  }
  const size = new Float64Array(index.size);
  const linked = new Float64Array(index.size);
  divisionOf.forEach((d, i) => {
    if (d < 0) return;
    size[d]!++;
    if (degree[i]! > 0) linked[d]!++;
  });
  return {
    divisionOf,
    divisions: [...index.keys()],
    divisionLinks,
    divisionCountryLinks,
    divisionLinkedShare: linked.map((l, d) => l / size[d]!),
  };
}

/** The cell of the one-degree grid a point lies in (row-major from the south-west), or -1 without coordinates. */
export function cellKey(lat: number, lon: number): number {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return -1;
  const row = Math.min(179, Math.max(0, Math.floor(lat + 90)));
  const col = ((Math.floor(lon + 180) % 360) + 360) % 360;
  return row * 360 + col;
}

/** A cell and its eight neighbours (longitude wrapping, rows clamped at the poles). */
export function cellsAround(cell: number): number[] {
  const row = Math.floor(cell / 360);
  const col = cell % 360;
  const out: number[] = [];
  for (let dr = -1; dr <= 1; dr++) {
    const r = row + dr;
    if (r < 0 || r > 179) continue;
    for (let dc = -1; dc <= 1; dc++) out.push(r * 360 + ((col + dc + 360) % 360));
  }
  return out;
}

/** The number of partners of place i. */
export function degreeOf(graph: SuggestGraph, i: number): number {
  return graph.offsets[i + 1]! - graph.offsets[i]!;
}

/** The partners of place i (a view, ascending). */
export function neighboursOf(graph: SuggestGraph, i: number): Int32Array {
  return graph.adjacency.subarray(graph.offsets[i]!, graph.offsets[i + 1]!);
}

/** True when i and j are partners (binary search in i's sorted row). */
export function areLinked(graph: SuggestGraph, i: number, j: number): boolean {
  let lo = graph.offsets[i]!;
  let hi = graph.offsets[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = graph.adjacency[mid]!;
    if (v === j) return true;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The great-circle km for a chord between two points of the unit sphere (the haversine's own formula). */
export function chordToKm(chord: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

/** The chord of the unit sphere that spans `km` of great circle. */
export function kmToChord(km: number): number {
  return 2 * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)));
}

/** The median of some numbers (NaN when there are none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
