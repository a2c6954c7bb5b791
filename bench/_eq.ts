import { openDatabase } from '../src/store/database.js';
import { searchNameIndex } from '../src/store/name-index.repository.js';
import { NameMemoryIndex } from '../src/store/name-memory-index.js';
import { workloads } from './api-workloads.js';
const url = process.argv[2]!;
const d = openDatabase(url);
let t = performance.now();
const index = await NameMemoryIndex.load(d.db);
console.log('load ms', performance.now() - t, index.size);
const { search } = await workloads(url, 600, 0);
let bad = 0; let mem = 0; let db = 0;
for (const p of search) {
  const text = decodeURIComponent(/q=([^&]*)/.exec(p)![1]!);
  t = performance.now(); const a = index.search({ text, limit: 10 }); mem += performance.now() - t;
  t = performance.now(); const b = await searchNameIndex(d.db, { text, limit: 10 }); db += performance.now() - t;
  if (JSON.stringify(a) !== JSON.stringify(b)) { bad++; if (bad < 4) console.log(text, JSON.stringify(a).slice(0, 300), JSON.stringify(b).slice(0, 300)); }
}
console.log(search.length, 'queries', bad, 'differ; µs each: memory', (mem / search.length * 1000).toFixed(1), 'db', (db / search.length * 1000).toFixed(1));
await d.close();
