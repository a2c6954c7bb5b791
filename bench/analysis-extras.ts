/** Timings of the other analyses (geography, communities, betweenness, paths within k) on real data, for the benchmark. */
import { detectCommunities } from '../src/analysis/communities.js';
import { geographyStudy } from '../src/analysis/geography.js';
import { withinSteps } from '../src/analysis/paths.js';
import { rankByBetweenness } from '../src/analysis/rankings.js';
import { buildTwinGraph } from '../src/analysis/twin-graph.js';
import type { Dataset } from './analysis-data.js';
import { timed } from './analysis-measure.js';

const ms = (x: number): string => x.toFixed(0);

/** Runs each analysis once on a data set with coordinates and continents; returns Markdown. */
export function extrasMarkdown(dataset: Dataset): string {
  const graph = buildTwinGraph(dataset.input);
  const geography = timed(() => geographyStudy(graph, { repetitions: 50, seed: 1 }));
  const communities = timed(() => detectCommunities(graph, { seed: 1 }));
  const betweenness = timed(() => rankByBetweenness(graph, 5));
  const hub = betweenness.value.top[0]!;
  const reach = timed(() => withinSteps(graph, hub.key, 3));
  const largest = communities.value.communities.slice(0, 3).map((c) => {
    const countries = c.countries.map((x) => `${x.country} ${(100 * x.share).toFixed(0)}%`).join(', ');
    return `${c.size} places (${countries})`;
  });
  const top = betweenness.value.top.map((r) => `${r.label ?? r.key} ${r.value.toFixed(4)}`).join(', ');
  return [
    `### Other analyses on ${dataset.name} (${graph.n} nodes, ${graph.m} edges)`,
    '',
    '| Analysis | ms | Result |',
    '|---|---|---|',
    `| Geography: distances, within country and continent, ${geography.value.repetitions} degree-preserving randomisations | ${ms(geography.ms)} | see the verdict below |`,
    `| Louvain communities (seed 1) | ${ms(communities.ms)} | ${communities.value.communities.length} communities, modularity ${communities.value.modularity.toFixed(3)}; largest: ${largest.join('; ')} |`,
    `| Betweenness ranking (${betweenness.value.exact ? 'exact' : `sampled, ${betweenness.value.sources} sources`}) | ${ms(betweenness.ms)} | ${top} |`,
    `| Places within 3 steps of ${hub.label ?? hub.key} | ${reach.ms.toFixed(1)} | ${reach.value.length} places |`,
    '',
    'Geography verdict:',
    '',
    ...geography.value.verdict.split('\n').map((line) => `> ${line}  `),
  ].join('\n');
}
