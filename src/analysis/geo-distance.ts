import type { TwinGraph } from './twin-graph.js';

/** Mean Earth radius (IUGG), kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres between two points given in degrees (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The distance between two nodes in kilometres, or NaN when either lacks coordinates. */
export function nodeDistanceKm(graph: TwinGraph, a: number, b: number): number {
  const p = graph.nodes[a]!;
  const q = graph.nodes[b]!;
  if (p.lat === undefined || p.lon === undefined || q.lat === undefined || q.lon === undefined) return NaN;
  return haversineKm(p.lat, p.lon, q.lat, q.lon);
}

/** Distances of the given edges whose two ends both have coordinates. */
export function edgeDistancesKm(graph: TwinGraph, edgeA: Int32Array, edgeB: Int32Array): Float64Array {
  const distances: number[] = [];
  for (let i = 0; i < edgeA.length; i++) {
    const km = nodeDistanceKm(graph, edgeA[i]!, edgeB[i]!);
    if (!Number.isNaN(km)) distances.push(km);
  }
  return Float64Array.from(distances);
}

/** Shares of the values in bins of `binKm` from 0 up to half the Earth's circumference. */
export function distanceShares(distances: Float64Array, binKm: number): number[] {
  const bins = new Array<number>(Math.ceil((Math.PI * EARTH_RADIUS_KM) / binKm)).fill(0);
  for (const km of distances) bins[Math.min(bins.length - 1, Math.floor(km / binKm))]!++;
  return bins.map((count) => (distances.length === 0 ? 0 : count / distances.length));
}
