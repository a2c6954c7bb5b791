import { describe, expect, it } from 'vitest';
import { countryGrowth, endingsPerYear, linkRecords, linksFormed } from '../../src/analysis/time-series.js';
import { buildTwinGraph } from '../../src/analysis/twin-graph.js';
import { buildEdge } from './graph-factories.js';

const input = {
  nodes: [
    { key: 'nijmegen', country: 'NL' },
    { key: 'gaziantep', country: 'TR' },
    { key: 'prague', country: 'CZ' },
    { key: 'shanghai', country: 'CN' },
    { key: 'taipei', country: 'TW' },
  ],
  edges: [
    buildEdge({
      a: 'nijmegen',
      b: 'gaziantep',
      formed: 2001,
      ended: 2021,
      endedType: 'terminated',
      cause: 'human rights',
    }),
    buildEdge({ a: 'gaziantep', b: 'nijmegen', formed: 1999 }),
    buildEdge({
      a: 'prague',
      b: 'shanghai',
      formed: 2016,
      ended: 2020,
      endedType: 'terminated',
      cause: 'reaction to a third party',
    }),
    buildEdge({ a: 'prague', b: 'taipei', formed: 2020 }),
    buildEdge({ a: 'taipei', b: 'nijmegen' }),
  ],
};

describe('time series', () => {
  const graph = buildTwinGraph(input);
  const links = linkRecords(graph, input);

  it('merges duplicate input edges: earliest formation, first end', () => {
    expect(links[0]).toEqual({
      a: 0,
      b: 1,
      formed: 1999,
      ended: 2021,
      endedType: 'terminated',
      cause: 'human rights',
    });
  });

  it('counts links formed per year and decade', () => {
    expect(linksFormed(links)).toEqual({
      perYear: [
        { year: 1999, links: 1 },
        { year: 2016, links: 1 },
        { year: 2020, links: 1 },
      ],
      perDecade: [
        { decade: 1990, links: 1 },
        { decade: 2010, links: 1 },
        { decade: 2020, links: 1 },
      ],
      undated: 1,
    });
  });

  it('counts endings per year with their causes', () => {
    expect(endingsPerYear(links)).toEqual([
      { year: 2020, byType: { terminated: 1 }, causes: [{ cause: 'reaction to a third party', links: 1 }] },
      { year: 2021, byType: { terminated: 1 }, causes: [{ cause: 'human rights', links: 1 }] },
    ]);
  });

  it("follows one country's links year by year", () => {
    const growth = countryGrowth(graph, links, 'CZ');
    expect(growth[0]).toEqual({ year: 2016, formed: 1, ended: 0, active: 1 });
    expect(growth.at(-1)).toEqual({ year: 2020, formed: 1, ended: 1, active: 1 });
    expect(countryGrowth(graph, links, 'FR')).toEqual([]);
  });
});
