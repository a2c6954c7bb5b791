import { buildSuggestGraph, type SuggestPlace } from '../../../src/core/suggest/graph.js';

/**
 * A tiny network on the equator (one degree of longitude apart): Toledo (DE) twinned with Brest and Caen (FR),
 * both twinned with Dijon (FR), Dijon with Essen (DE); Essen is also named Toledo; Graz (AT) has no partner.
 * Seat levels (hypothetical): Toledo and Dijon seats of a first-level division, Brest of a second, Essen no
 * seat, Graz a capital, Caen unknown to the gazetteer. Other names in the gazetteer (hypothetical too): Toledo 40,
 * Brest 12, Dijon 0, Essen 5, Graz 30, Caen unknown.
 */
export const PLACES: SuggestPlace[] = [
  {
    key: 'a',
    name: 'Toledo',
    country: 'DE',
    lat: 0,
    lon: 0,
    population: 300_000,
    kind: 'city',
    seat: 1,
    otherNames: 40,
  },
  {
    key: 'b',
    name: 'Brest',
    country: 'FR',
    lat: 0,
    lon: 1,
    population: 140_000,
    kind: 'city',
    seat: 2,
    otherNames: 12,
  },
  { key: 'c', name: 'Caen', country: 'FR', lat: 0, lon: 2, kind: 'town' },
  {
    key: 'd',
    name: 'Dijon',
    country: 'FR',
    lat: 0,
    lon: 3,
    population: 310_000,
    kind: 'city',
    seat: 1,
    otherNames: 0,
  },
  {
    key: 'e',
    name: 'Toledo',
    country: 'DE',
    lat: 0,
    lon: 10,
    population: 3_000,
    kind: 'town',
    seat: 6,
    otherNames: 5,
  },
  { key: 'f', name: 'Graz', country: 'AT', kind: 'city', seat: 0, otherNames: 30 },
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

/**
 * A network of first-level divisions: query Q and P in DE.01, W in DE.02; X and Y in FR.A, Z and T in FR.B, U of
 * no known division. Links: Q–Z, Q–Y (the query's own), P–Y, P–X, W–X, W–Y; T has none.
 */
export const divisionGraph = () =>
  buildSuggestGraph(
    [
      { key: 'q', name: 'Q', country: 'DE', lat: 0, lon: 0, division: 'DE.01' },
      { key: 'p', name: 'P', country: 'DE', lat: 0, lon: 1, division: 'DE.01' },
      { key: 'x', name: 'X', country: 'FR', lat: 0, lon: 5, division: 'FR.A' },
      { key: 'y', name: 'Y', country: 'FR', lat: 0, lon: 6, division: 'FR.A' },
      { key: 'z', name: 'Z', country: 'FR', lat: 0, lon: 7, division: 'FR.B' },
      { key: 'u', name: 'U', country: 'FR', lat: 0, lon: 8 },
      { key: 'w', name: 'W', country: 'DE', lat: 0, lon: 2, division: 'DE.02' },
      { key: 't', name: 'T', country: 'FR', lat: 0, lon: 9, division: 'FR.B' },
    ],
    [
      [0, 4],
      [0, 3],
      [1, 3],
      [1, 2],
      [6, 2],
      [6, 3],
    ],
  );

/**
 * A network for the country-pair shares: query A, B and F in DE; C and D in FR; E in AT; G of no country. Links:
 * A–C (the query's own), B–C, B–D, B–E, C–D, F–B. Link ends: DE 6 (A, B four times, F), FR 5, AT 1.
 */
export const countryShareGraph = () =>
  buildSuggestGraph(
    [
      { key: 'a', name: 'A', country: 'DE', lat: 0, lon: 0 },
      { key: 'b', name: 'B', country: 'DE', lat: 0, lon: 1 },
      { key: 'c', name: 'C', country: 'FR', lat: 0, lon: 5 },
      { key: 'd', name: 'D', country: 'FR', lat: 0, lon: 6 },
      { key: 'e', name: 'E', country: 'AT', lat: 0, lon: 3 },
      { key: 'f', name: 'F', country: 'DE', lat: 0, lon: 2 },
      { key: 'g', name: 'G', lat: 0, lon: 9 },
    ],
    [
      [0, 2],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 3],
      [5, 1],
    ],
  );
