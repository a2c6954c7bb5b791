import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../src/analysis/communities.js';
import { buildTwinGraph } from '../../src/analysis/twin-graph.js';

/** Two dense groups, one German and one Polish with a French member, joined by one link. */
function twoGroups() {
  const west = ['d1', 'd2', 'd3', 'd4', 'f1'];
  const east = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const clique = (keys: string[]) => keys.flatMap((a, i) => keys.slice(i + 1).map((b) => ({ a, b })));
  const nodes = [...west, ...east].map((key) => ({
    key,
    country: key[0] === 'd' ? 'DE' : key[0] === 'f' ? 'FR' : 'PL',
  }));
  return { nodes, edges: [...clique(west), ...clique(east), { a: 'd1', b: 'p1' }] };
}

describe('communities', () => {
  it('finds the two groups and the countries that dominate each', () => {
    const graph = buildTwinGraph(twoGroups());
    const study = detectCommunities(graph, { seed: 5 });
    expect(study.communities).toHaveLength(2);
    const byHub = Object.fromEntries(study.communities.map((c) => [c.hubs[0], c]));
    expect(byHub.d1?.countries).toEqual([
      { country: 'DE', localities: 4, share: 0.8 },
      { country: 'FR', localities: 1, share: 0.2 },
    ]);
    expect(byHub.p1?.countries).toEqual([{ country: 'PL', localities: 5, share: 1 }]);
    expect(study.modularity).toBeGreaterThan(0.4);
    expect(detectCommunities(graph, { seed: 5 }).communityOf).toEqual(study.communityOf);
  });
});
