import { buildSuggestGraph, type SuggestPlace } from '../../../src/core/suggest/graph.js';

/**
 * A tiny network on the equator (one degree of longitude apart): Toledo (DE) twinned with Brest and Caen (FR),
 * both twinned with Dijon (FR), Dijon with Essen (DE); Essen is also named Toledo; Graz (AT) has no partner.
 * Seat levels (hypothetical): Toledo and Dijon seats of a first-level division, Brest of a second, Essen no
 * seat, Graz a capital, Caen unknown to the gazetteer.
 */
export const PLACES: SuggestPlace[] = [
  { key: 'a', name: 'Toledo', country: 'DE', lat: 0, lon: 0, population: 300_000, kind: 'city', seat: 1 },
  { key: 'b', name: 'Brest', country: 'FR', lat: 0, lon: 1, population: 140_000, kind: 'city', seat: 2 },
  { key: 'c', name: 'Caen', country: 'FR', lat: 0, lon: 2, kind: 'town' },
  { key: 'd', name: 'Dijon', country: 'FR', lat: 0, lon: 3, population: 310_000, kind: 'city', seat: 1 },
  { key: 'e', name: 'Toledo', country: 'DE', lat: 0, lon: 10, population: 3_000, kind: 'town', seat: 6 },
  { key: 'f', name: 'Graz', country: 'AT', kind: 'city', seat: 0 },
];

export const EDGES: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
  [3, 4],
];

export const tinyGraph = () => buildSuggestGraph(PLACES, EDGES);

/** Kilometres in one degree along the equator (mean Earth radius 6371.0088 km). */
export const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
