import { EARTH_RADIUS_KM, haversineKm } from '../core/geo.js';
import type { TwinGraph } from './twin-graph.js';

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
