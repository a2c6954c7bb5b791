import { describe, expect, it } from 'vitest';
import { distanceShares } from '../../src/analysis/geo-distance.js';
import { haversineKm } from '../../src/core/geo.js';
import { geographyStudy } from '../../src/analysis/geography.js';
import { doubleEdgeSwap } from '../../src/analysis/null-model.js';
import { seededRng } from '../../src/analysis/random.js';
import { buildTwinGraph, degreeOf } from '../../src/analysis/twin-graph.js';
import { randomInput } from './graph-factories.js';

/** Two clusters of towns, one per continent and country, most links inside a cluster. */
function clusteredInput() {
  const nodes = Array.from({ length: 40 }, (_, i) => {
    const west = i < 20;
    return {
      key: `t${i}`,
      country: west ? 'FR' : 'JP',
      continent: west ? 'Europe' : 'Asia',
      lat: west ? 46 + (i % 5) : 35 + (i % 5),
      lon: west ? 2 + (i % 4) : 135 + (i % 4),
    };
  });
  const edges = [];
  for (let i = 0; i < 20; i++) {
    edges.push({ a: `t${i}`, b: `t${(i + 1) % 20}` }, { a: `t${20 + i}`, b: `t${20 + ((i + 3) % 20)}` });
  }
  edges.push({ a: 't0', b: 't20' }, { a: 't5', b: 't25' });
  return { nodes, edges };
}

describe('geography', () => {
  it('computes great-circle distances', () => {
    expect(haversineKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.6, 0);
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371.0088, 6);
    expect(distanceShares(Float64Array.from([100, 600, 700]), 500).slice(0, 3)).toEqual([1 / 3, 2 / 3, 0]);
  });

  it('keeps every degree, and makes no self-loop or duplicate, when swapping edges', () => {
    const graph = buildTwinGraph(randomInput(300, 600, 3));
    const swapped = doubleEdgeSwap(graph.n, graph, 10 * graph.m, seededRng(1));
    const rewired = buildTwinGraph({
      nodes: graph.keys.map((key) => ({ key })),
      edges: Array.from(swapped.edgeA, (a, i) => ({ a: graph.keys[a]!, b: graph.keys[swapped.edgeB[i]!]! })),
    });
    expect(rewired.selfLoops + rewired.duplicates).toBe(0);
    for (let v = 0; v < graph.n; v++) expect(degreeOf(rewired, v)).toBe(degreeOf(graph, v));
    expect(Array.from(swapped.edgeB)).not.toEqual(Array.from(graph.edgeB));
  });

  it('finds links nearer and more within one country and continent than the null model, and says so', () => {
    const graph = buildTwinGraph(clusteredInput());
    const study = geographyStudy(graph, { repetitions: 30, seed: 7 });
    expect(study).toMatchObject({ locatedLinks: 42, countryLinks: 42, continentLinks: 42, repetitions: 30 });
    expect(study.withinCountry.observed).toBeCloseTo(40 / 42, 12);
    expect(study.withinContinent.observed).toBeGreaterThan(study.withinContinent.nullHigh);
    expect(study.medianKm.observed).toBeLessThan(study.medianKm.nullLow);
    expect(study.verdict).toContain('links stay within a continent more than chance');
    expect(study.verdict).toContain('partners lie nearer than chance');
    expect(study.verdict).toContain('"links mostly stay within a continent" holds: 95.2%');
    expect(geographyStudy(graph, { repetitions: 30, seed: 7 })).toEqual(study);
  });

  it('says which measures lack data instead of printing NaN', () => {
    const graph = buildTwinGraph({
      nodes: [
        { key: 'a', country: 'FR' },
        { key: 'b', country: 'FR' },
      ],
      edges: [{ a: 'a', b: 'b' }],
    });
    const { verdict } = geographyStudy(graph, { repetitions: 3 });
    expect(verdict).toContain('Distance (0 located links): median no data.');
    expect(verdict).toContain('Within one continent (0 links): no data.');
    expect(verdict).toContain('cannot be tested without coordinates');
    expect(verdict).not.toContain('NaN');
  });
});
