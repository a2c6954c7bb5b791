import { partialDateFromJsDate } from './src/core/partial-date.js';
import { candidateFeatures, queryProfile } from './src/core/suggest/features.js';
import { scoreRows } from './src/core/suggest/model.js';
import { BUNDLED_DATA_DIR, openRegistry } from './src/registry/open-registry.js';
import { readModel } from './src/registry/suggest/model-file.js';
import { loadSuggestNetwork } from './src/registry/suggest/network.js';
const { database } = await openRegistry('/work/scratch/s16/world.sqlite', BUNDLED_DATA_DIR, { dataset: 'world' });
const { graph } = await loadSuggestNetwork(database.db, undefined, partialDateFromJsDate(new Date()));
const model = readModel(process.argv[2]);
const f: number[] = [], s: number[] = [], p: number[] = [];
for (let k = 0; k < 40; k++) {
  const q = (k * 7919) % graph.places.length;
  let t = performance.now();
  const prof = queryProfile(graph, q);
  p.push(performance.now() - t);
  t = performance.now();
  const rows = candidateFeatures(graph, q, prof);
  f.push(performance.now() - t);
  t = performance.now();
  scoreRows(model, rows);
  s.push(performance.now() - t);
}
const med = (x: number[]) => x.sort((a, b) => a - b)[x.length >> 1]!.toFixed(1);
console.log('profile', med(p), 'features', med(f), 'score', med(s));
await database.close();
