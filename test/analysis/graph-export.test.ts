import { describe, expect, it } from 'vitest';
import { parseTsvEdgeList, toGraphml, toTsv } from '../../src/analysis/graph-export.js';
import { buildTwinGraph } from '../../src/analysis/twin-graph.js';

describe('graph export', () => {
  const graph = buildTwinGraph({
    nodes: [
      { key: 'Ankh-Morpork|Discworld', label: 'Ankh <Morpork>' },
      { key: 'lone' },
      { key: 'wincanton', country: 'GB', lat: 51.05, lon: -2.41 },
    ],
    edges: [
      { a: 'wincanton', b: 'Ankh-Morpork|Discworld' },
      { a: 'wincanton', b: 'tab\there' },
      { a: 'wincanton', b: 'wincanton' },
      { a: 'Ankh-Morpork|Discworld', b: 'wincanton' },
    ],
  });

  it('writes exactly the deduplicated edges, and lone nodes, as TSV that reads back', () => {
    const tsv = toTsv(graph);
    expect(tsv.split('\n')).toEqual([
      '# twinning edge list: 4 nodes, 2 edges',
      'Ankh-Morpork|Discworld\twincanton',
      'wincanton\ttab\\there',
      'lone',
      '',
    ]);
    expect(parseTsvEdgeList(tsv)).toEqual({
      edges: [
        ['Ankh-Morpork|Discworld', 'wincanton'],
        ['wincanton', 'tab\there'],
      ],
      loneNodes: ['lone'],
    });
  });

  it('writes GraphML with keys as ids and escaped attributes', () => {
    const xml = toGraphml(graph);
    expect(xml).toContain(
      '<node id="Ankh-Morpork|Discworld"><data key="label">Ankh &lt;Morpork&gt;</data></node>',
    );
    expect(xml).toContain(
      '<node id="wincanton"><data key="country">GB</data><data key="lat">51.05</data><data key="lon">-2.41</data></node>',
    );
    expect(xml.match(/<edge /g)).toHaveLength(2);
  });
});
