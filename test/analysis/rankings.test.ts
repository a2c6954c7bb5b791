import { describe, expect, it } from 'vitest';
import { exactBetweenness, sampledBetweenness } from '../../src/analysis/betweenness.js';
import {
  countriesByLinks,
  countryPairMatrix,
  rankByBetweenness,
  rankByPartners,
} from '../../src/analysis/rankings.js';
import { buildTwinGraph } from '../../src/analysis/twin-graph.js';
import { buildEdge, graphFrom, randomInput } from './graph-factories.js';

const nodes = [
  { key: 'rome', country: 'IT', label: 'Rome' },
  { key: 'paris', country: 'FR' },
  { key: 'lyon', country: 'FR' },
  { key: 'milan', country: 'IT' },
  { key: 'kyiv', country: 'UA' },
];

describe('rankings', () => {
  const input = {
    nodes,
    edges: [
      buildEdge({ a: 'rome', b: 'paris', formed: 1956 }),
      buildEdge({ a: 'milan', b: 'lyon', formed: 1966 }),
      buildEdge({ a: 'milan', b: 'kyiv', formed: 1990, ended: 2000 }),
      buildEdge({ a: 'milan', b: 'paris', formed: 2001 }),
      buildEdge({ a: 'paris', b: 'lyon' }),
    ],
  };

  it('ranks localities by partners active in a year', () => {
    expect(rankByPartners(input, 1995).map((r) => [r.key, r.value])).toEqual([
      ['lyon', 2],
      ['milan', 2],
      ['paris', 2],
      ['kyiv', 1],
      ['rome', 1],
    ]);
    expect(rankByPartners(input, 2010, 1)).toEqual([{ key: 'paris', country: 'FR', value: 3 }]);
  });

  it('counts countries by links and twinned localities, and the country-pair matrix', () => {
    const graph = buildTwinGraph(input);
    expect(countriesByLinks(graph)).toEqual([
      { country: 'FR', links: 4, localities: 2 },
      { country: 'IT', links: 4, localities: 2 },
      { country: 'UA', links: 1, localities: 1 },
    ]);
    expect(countryPairMatrix(graph)).toEqual([
      { a: 'FR', b: 'IT', links: 3 },
      { a: 'FR', b: 'FR', links: 1 },
      { a: 'IT', b: 'UA', links: 1 },
    ]);
  });

  it('ranks by betweenness, saying whether it sampled', () => {
    const graph = graphFrom('a-b b-c c-d d-e');
    expect(rankByBetweenness(graph, 1)).toMatchObject({ exact: true, sources: 5, top: [{ key: 'c' }] });
    expect(rankByBetweenness(graph, 1, { budget: 10, seed: 3 })).toMatchObject({
      exact: false,
      sources: 1,
      seed: 3,
    });
  });

  it('sampling every source gives the exact values; a seed gives the same sample', () => {
    const graph = buildTwinGraph(randomInput(200, 300, 5));
    const exact = exactBetweenness(graph).scores;
    const full = sampledBetweenness(graph, graph.n, 9).scores;
    full.forEach((score, v) => expect(score).toBeCloseTo(exact[v]!, 12));
    expect(sampledBetweenness(graph, 50, 9).scores).toEqual(sampledBetweenness(graph, 50, 9).scores);
  });
});
