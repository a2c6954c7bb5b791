/**
 * The partner finder's query time alone (issue 14): one query over every place of a registry made by
 * `twinning init`, ranked by data/suggest/model.json (features, scores, top 10), median of 50 seeded queries,
 * against distances alone (the cheapest full pass) and the random walk from the query in the same run, and the
 * median CPU time of a query (what the wall time would be on an idle core). Prints one line with the load average,
 * after one line on the cold read of the network (the coastline, then the places and links).
 *   Run: npx tsx bench/suggest-query-time.ts /tmp/world.sqlite [model.json ...]
 * Model files named after the registry are timed in turns in the same process instead (three rounds each).
 */
import { loadavg } from 'node:os';
import { partialDateFromJsDate } from '../src/core/partial-date.js';
import { seededRng } from '../src/core/random.js';
import { kmToCoast } from '../src/core/suggest/coast.js';
import { distancesFrom } from '../src/core/suggest/features.js';
import { rankCandidates } from '../src/core/suggest/rank.js';
import { personalisedRank } from '../src/core/suggest/walks.js';
import { BUNDLED_DATA_DIR, openRegistry } from '../src/registry/open-registry.js';
import { readModel } from '../src/registry/suggest/model-file.js';
import { coastline } from '../src/registry/suggest/coastline.js';
import { loadSuggestNetwork } from '../src/registry/suggest/network.js';

const url = process.argv[2];
if (!url) throw new Error('name the registry: npx tsx bench/suggest-query-time.ts /tmp/world.sqlite');
const { database } = await openRegistry(url, BUNDLED_DATA_DIR, { dataset: 'world' });
// The first query of a process reads the network first (cold): the coastline, then the places and links.
const coastStart = performance.now();
const coast = coastline();
const coastMs = performance.now() - coastStart;
const networkStart = performance.now();
const { graph } = await loadSuggestNetwork(database.db, undefined, partialDateFromJsDate(new Date()));
const networkMs = performance.now() - networkStart;
await database.close();
const kmStart = performance.now();
for (let i = 0; i < graph.places.length; i++) kmToCoast(coast, graph.lat[i]!, graph.lon[i]!);
console.log(
  `Before the first query of a process (cold): the coastline read and indexed in ${coastMs.toFixed(0)} ms, the network read in ${networkMs.toFixed(0)} ms, of which every place's km to the coast about ${(performance.now() - kmStart).toFixed(0)} ms`,
);
const files = process.argv.slice(3);
const models =
  files.length > 0
    ? files.map((f) => [f, readModel(f)] as const)
    : [['data/suggest/model.json', readModel()] as const];
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
/** Medians over 50 seeded queries of the wall time and of the process's CPU time (user + system), in ms. */
const timeIt = (fn: (q: number) => unknown): { wall: number; cpu: number } => {
  const rng = seededRng(3);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 50; k++) {
    const q = Math.floor(rng() * graph.places.length);
    const t = performance.now();
    const c = process.cpuUsage();
    fn(q);
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { wall: median(wall), cpu: median(cpu) };
};
const rounds = files.length > 0 ? 3 : 1;
for (let round = 1; round <= rounds; round++)
  for (const [file, model] of models) {
    const before = load();
    const whole = timeIt((q) => rankCandidates(graph, model, q, 10));
    const distances = timeIt((q) => distancesFrom(graph, q));
    const walk = timeIt((q) => personalisedRank(graph, q));
    // On a busy machine the wall time counts the time the process waited for a core; the CPU time does not.
    console.log(
      `${rounds > 1 ? `round ${round}, ${file}: ` : ''}One query over all ${graph.places.length} places, model ${model.kind}${model.kind === 'boosted' ? ` (${model.trees.length} trees${model.linear ? ' + linear' : ''})` : ''} (median of 50): ${whole.wall.toFixed(1)} ms; distances alone ${distances.wall.toFixed(2)} ms (ratio ${(whole.wall / distances.wall).toFixed(1)}); the walk alone ${walk.wall.toFixed(2)} ms; CPU time ${whole.cpu.toFixed(1)} ms a query; load ${before} → ${load()}`,
    );
  }
