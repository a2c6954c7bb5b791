import { parsePartialDate } from '../src/core/partial-date.js';
import { heuristicModel } from '../src/core/suggest/model.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { suggestPartners } from '../src/registry/suggest/suggestions.js';
const { database } = await openRegistry('/tmp/w14/b.sqlite');
const r = await suggestPartners(database.db, 'coventry', { limit: 3 }, parsePartialDate('2026-11-29'), heuristicModel());
console.log(JSON.stringify(r, null, 1).slice(0, 1500));
await database.close();
