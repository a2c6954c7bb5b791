import { describe, expect, it } from 'vitest';
import { TwinningError } from '../../src/core/errors.js';
import { bfsDistances, shortestChain, withinSteps } from '../../src/analysis/paths.js';
import { buildTwinGraph } from '../../src/analysis/twin-graph.js';
import { graphFrom, randomInput } from './graph-factories.js';

describe('paths', () => {
  const graph = graphFrom(
    'coventry-volgograd coventry-dresden dresden-strasbourg strasbourg-stuttgart stuttgart-cardiff cardiff-nantes x-y',
  );

  it('finds the shortest chain of twinnings, both ends included', () => {
    expect(shortestChain(graph, 'coventry', 'stuttgart')).toEqual([
      'coventry',
      'dresden',
      'strasbourg',
      'stuttgart',
    ]);
    expect(shortestChain(graph, 'nantes', 'volgograd')).toHaveLength(7);
    expect(shortestChain(graph, 'dresden', 'dresden')).toEqual(['dresden']);
    expect(shortestChain(graph, 'coventry', 'dresden')).toEqual(['coventry', 'dresden']);
  });

  it('says when no chain exists and names an unknown place', () => {
    expect(shortestChain(graph, 'coventry', 'x')).toBeUndefined();
    expect(() => shortestChain(graph, 'coventry', 'atlantis')).toThrow(TwinningError);
    expect(() => shortestChain(graph, 'coventry', 'atlantis')).toThrow(/atlantis/);
  });

  it('lists every place within k steps, nearest first', () => {
    expect(withinSteps(graph, 'dresden', 2)).toEqual([
      { key: 'coventry', steps: 1 },
      { key: 'strasbourg', steps: 1 },
      { key: 'stuttgart', steps: 2 },
      { key: 'volgograd', steps: 2 },
    ]);
    expect(withinSteps(graph, 'x', 5)).toEqual([{ key: 'y', steps: 1 }]);
  });

  it('chains are as long as breadth-first distances on a random graph', () => {
    const random = buildTwinGraph(randomInput(400, 500, 11));
    for (let s = 0; s < 20; s++) {
      const distance = bfsDistances(random, s);
      for (let t = 0; t < random.n; t += 13) {
        const chain = shortestChain(random, random.keys[s]!, random.keys[t]!);
        expect(chain === undefined ? -1 : chain.length - 1).toBe(distance[t]);
        chain?.slice(1).forEach((key, i) => {
          const [u, v] = [random.indexOf.get(chain[i]!)!, random.indexOf.get(key)!];
          expect([...random.neighbors.subarray(random.offsets[u]!, random.offsets[u + 1]!)]).toContain(v);
        });
      }
    }
  });
});
