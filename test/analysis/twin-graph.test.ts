import { describe, expect, it } from 'vitest';
import { isActiveIn, selectNetwork } from '../../src/analysis/graph-input.js';
import { buildNetwork, buildTwinGraph, degreeOf } from '../../src/analysis/twin-graph.js';
import { buildEdge, graphFrom } from './graph-factories.js';

describe('buildTwinGraph', () => {
  it('numbers nodes in input order, keeps each undirected edge once and drops self-loops', () => {
    const graph = buildTwinGraph({
      nodes: [{ key: 'c' }, { key: 'a', country: 'FR' }],
      edges: [
        { a: 'a', b: 'b' },
        { a: 'b', b: 'a' },
        { a: 'c', b: 'c' },
        { a: 'c', b: 'a' },
      ],
    });
    expect(graph.keys).toEqual(['c', 'a', 'b']);
    expect(graph.n).toBe(3);
    expect(graph.m).toBe(2);
    expect(graph.selfLoops).toBe(1);
    expect(graph.duplicates).toBe(1);
    expect([...graph.edgeA]).toEqual([0, 1]);
    expect([...graph.edgeB]).toEqual([1, 2]);
    expect(graph.edgeOrigins).toEqual([[3], [0, 1]]);
    expect(graph.nodes[1]!.country).toBe('FR');
  });

  it('builds sorted CSR neighbour lists', () => {
    const graph = graphFrom('a-d a-c a-b c-d');
    const neighbours = (key: string): string[] => {
      const v = graph.indexOf.get(key)!;
      return [...graph.neighbors.subarray(graph.offsets[v]!, graph.offsets[v + 1]!)].map(
        (w) => graph.keys[w]!,
      );
    };
    expect(neighbours('a')).toEqual(['d', 'c', 'b']);
    expect([...graph.neighbors.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect(degreeOf(graph, graph.indexOf.get('c')!)).toBe(2);
    expect(graph.offsets[graph.n]).toBe(2 * graph.m);
  });

  it('handles an empty network', () => {
    const graph = buildTwinGraph({ nodes: [], edges: [] });
    expect([graph.n, graph.m, graph.offsets.length]).toEqual([0, 0, 1]);
  });
});

describe('selectNetwork', () => {
  const input = {
    nodes: [
      { key: 'coventry', country: 'GB' },
      { key: 'volgograd', country: 'RU' },
      { key: 'dresden', country: 'DE' },
      { key: 'kiel', country: 'DE' },
    ],
    edges: [
      buildEdge({
        a: 'coventry',
        b: 'volgograd',
        kind: 'twin_town',
        formed: 1944,
        ended: 2022,
        sources: ['wikipedia'],
      }),
      buildEdge({ a: 'coventry', b: 'dresden', kind: 'twin_town', formed: 1959, sources: ['wikidata'] }),
      buildEdge({ a: 'dresden', b: 'kiel', kind: 'partner_town' }),
    ],
  };

  it('keeps links active in a year: formed at or before it, not ended by it', () => {
    expect(isActiveIn(input.edges[0]!, 1944)).toBe(true);
    expect(isActiveIn(input.edges[0]!, 1943)).toBe(false);
    expect(isActiveIn(input.edges[0]!, 2021)).toBe(true);
    expect(isActiveIn(input.edges[0]!, 2022)).toBe(false);
    expect(selectNetwork(input, { asOf: 1950 }).edges).toHaveLength(2);
    expect(selectNetwork(input, { asOf: 2023 }).nodes.map((n) => n.key)).toEqual([
      'coventry',
      'dresden',
      'kiel',
    ]);
  });

  it('filters by kind, source and country (either or both ends)', () => {
    expect(selectNetwork(input, { kinds: ['partner_town'] }).edges).toHaveLength(1);
    expect(selectNetwork(input, { sources: ['wikidata'] }).edges).toHaveLength(1);
    expect(selectNetwork(input, { countries: ['DE'] }).edges).toHaveLength(2);
    expect(selectNetwork(input, { countries: ['DE'], countryMatch: 'both' }).edges).toHaveLength(1);
    expect(buildNetwork(input, { countries: ['RU'] }).keys).toEqual(['coventry', 'volgograd']);
  });
});
