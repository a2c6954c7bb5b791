import { describe, expect, it } from 'vitest';
import { candidateFeatures, F, FEATURE_COUNT } from '../../../src/core/suggest/features.js';
import { buildSuggestGraph } from '../../../src/core/suggest/graph.js';
import { personalisedRank, WALK_DAMPING } from '../../../src/core/suggest/walks.js';

const place = (key: string, lon: number) => ({ key, name: key, country: 'FR', lat: 0, lon });

/** A path A–B–C, and D with no link. */
const path = () =>
  buildSuggestGraph(
    [place('a', 0), place('b', 1), place('c', 2), place('d', 3)],
    [
      [0, 1],
      [1, 2],
    ],
  );

describe('personalised PageRank from the query', () => {
  it('matches the solution worked by hand on a path A–B–C', () => {
    // x = (1 − d)·e_A + d·(walk one link): x_A = (1 − d) + d·x_B/2, x_B = d·(x_A + x_C), x_C = d·x_B/2,
    // so x_A = (2 − d²) / (2(1 + d)), x_B = d·x_A / (1 − d²/2), x_C = d·x_B / 2.
    const d = WALK_DAMPING;
    const a = (2 - d * d) / (2 * (1 + d));
    const b = (d * a) / (1 - (d * d) / 2);
    const c = (d * b) / 2;
    const rank = personalisedRank(path(), 0, 300);
    expect(rank[0]).toBeCloseTo(a, 12);
    expect(rank[1]).toBeCloseTo(b, 12);
    expect(rank[2]).toBeCloseTo(c, 12);
    expect(rank[3]).toBe(0); // unreachable
    expect(a + b + c).toBeCloseTo(1, 12);
  });
  it('stays within 0.0016 of that solution at the default number of steps', () => {
    const exact = personalisedRank(path(), 0, 300);
    const rank = personalisedRank(path(), 0);
    for (let i = 0; i < 3; i++) expect(Math.abs(rank[i]! - exact[i]!)).toBeLessThan(0.0016);
  });
  it('keeps a walk from a place with no link at that place', () => {
    const rank = personalisedRank(path(), 3);
    expect([...rank]).toEqual([0, 0, 0, 1]);
  });
  it('gives the features as log(1 + places × share), and per link of the candidate', () => {
    const graph = path();
    const rows = candidateFeatures(graph, 0);
    const rank = personalisedRank(graph, 0);
    const at = (i: number, name: keyof typeof F) => rows[i * FEATURE_COUNT + F[name]]!;
    expect(at(2, 'walkRank')).toBeCloseTo(Math.log1p(4 * rank[2]!), 12);
    expect(at(1, 'walkRankPerLink')).toBeCloseTo(Math.log1p((4 * rank[1]!) / 3), 12); // B has two links
    expect(at(3, 'walkRank')).toBe(0);
    expect(at(3, 'walkRankPerLink')).toBe(0);
  });
});
