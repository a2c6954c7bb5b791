import { haversineKm } from '../geo.js';

/** How far from a place the coast is looked for: a place further inland is this far (an inland place). */
export const COAST_SEARCH_KM = 50;

/** A place within this many km of the coast is coastal (a port, a seaside town). */
export const COASTAL_KM = 10;

/** The grid's cell, in degrees. */
const CELL_DEGREES = 0.25;

/** A coastline's points, bucketed by the grid cell they fall in, to find the points near a place without a scan. */
export interface CoastIndex {
  cells: ReadonlyMap<number, Float64Array>;
}

function cellOf(lat: number, lon: number): number {
  const row = Math.floor((lat + 90) / CELL_DEGREES);
  const col = Math.floor(((((lon + 180) % 360) + 360) % 360) / CELL_DEGREES);
  return row * 2000 + col;
}

/**
 * Indexes coastlines given as lines of [lon, lat] points (GeoJSON order), as a mesh of land polygons' outer
 * edges gives them. The points of a detailed coastline lie a few km apart, so the nearest point stands for the
 * nearest stretch of coast.
 */
export function coastIndex(lines: readonly (readonly (readonly number[])[])[]): CoastIndex {
  const lists = new Map<number, number[]>();
  for (const line of lines) {
    for (const [lon, lat] of line) {
      const key = cellOf(lat!, lon!);
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      list.push(lat!, lon!);
    }
  }
  return { cells: new Map([...lists].map(([k, v]) => [k, Float64Array.from(v)])) };
}

/** The km from a point to the nearest coastline point, or COAST_SEARCH_KM where none is that near. */
export function kmToCoast(index: CoastIndex, lat: number, lon: number): number {
  const rows = Math.ceil(COAST_SEARCH_KM / 111 / CELL_DEGREES);
  // A degree of longitude shrinks towards the poles; near them, every column of the ring is searched.
  const shrink = Math.cos(Math.min(89, Math.abs(lat) + rows * CELL_DEGREES) * (Math.PI / 180));
  const cols = Math.min(Math.ceil(360 / CELL_DEGREES / 2), Math.ceil(rows / shrink));
  let best = COAST_SEARCH_KM;
  for (let dr = -rows; dr <= rows; dr++) {
    for (let dc = -cols; dc <= cols; dc++) {
      const points = index.cells.get(cellOf(lat + dr * CELL_DEGREES, lon + dc * CELL_DEGREES));
      if (!points) continue;
      for (let k = 0; k < points.length; k += 2) {
        const km = haversineKm(lat, lon, points[k]!, points[k + 1]!);
        if (km < best) best = km;
      }
    }
  }
  return best;
}
