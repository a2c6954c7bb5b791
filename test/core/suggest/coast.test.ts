import { describe, expect, it } from 'vitest';
import { COAST_SEARCH_KM, coastIndex, kmToCoast } from '../../../src/core/suggest/coast.js';
import { haversineKm } from '../../../src/core/geo.js';
import { candidateFeatures, F, FEATURE_COUNT, UNKNOWN_COAST } from '../../../src/core/suggest/features.js';
import { buildSuggestGraph } from '../../../src/core/suggest/graph.js';

/** A coast along the equator from 0° to 1° east, a point every 0.01°, and one across the antimeridian. */
const equator = Array.from({ length: 101 }, (_, i) => [i / 100, 0]);
const dateLine = [
  [179.9, 10],
  [179.99, 10],
];
const index = coastIndex([equator, dateLine]);

describe('km to the coast', () => {
  it('finds the nearest point of a coast', () => {
    expect(kmToCoast(index, 0.05, 0.5)).toBeCloseTo(haversineKm(0.05, 0.5, 0, 0.5), 9);
    expect(kmToCoast(index, -0.2, 1.1)).toBeCloseTo(haversineKm(-0.2, 1.1, 0, 1), 9);
  });
  it('says COAST_SEARCH_KM of a place further inland', () => {
    expect(kmToCoast(index, 1, 0.5)).toBe(COAST_SEARCH_KM); // 111 km
    expect(kmToCoast(index, 0.44, 0.5)).toBeCloseTo(haversineKm(0.44, 0.5, 0, 0.5), 9); // 49 km
  });
  it('looks across the antimeridian', () => {
    expect(kmToCoast(index, 10, -179.9)).toBeCloseTo(haversineKm(10, -179.9, 10, 179.99), 9);
  });
});

describe('coast features', () => {
  const graph = buildSuggestGraph(
    [
      { key: 'q', name: 'Q', country: 'FR', lat: 0, lon: 0, coastKm: 2 },
      { key: 'a', name: 'A', country: 'FR', lat: 0, lon: 1, coastKm: 9.5 },
      { key: 'b', name: 'B', country: 'FR', lat: 0, lon: 2, coastKm: 50 },
      { key: 'c', name: 'C', country: 'FR' },
    ],
    [],
  );
  const rows = candidateFeatures(graph, 0);
  const at = (i: number, name: keyof typeof F) => rows[i * FEATURE_COUNT + F[name]]!;
  it('gives the candidate’s and the query’s log(1 + km), and whether both are within COASTAL_KM', () => {
    expect(at(1, 'logCoastKm')).toBeCloseTo(Math.log1p(9.5), 12);
    expect(at(1, 'queryLogCoastKm')).toBeCloseTo(Math.log1p(2), 12);
    expect(at(1, 'bothCoastal')).toBe(1);
    expect(at(2, 'logCoastKm')).toBeCloseTo(Math.log1p(50), 12);
    expect(at(2, 'bothCoastal')).toBe(0);
  });
  it('marks a place of unknown coordinates apart, never coastal', () => {
    expect(at(3, 'logCoastKm')).toBe(UNKNOWN_COAST);
    expect(at(3, 'bothCoastal')).toBe(0);
  });
});
