/**
 * Identity figures for issue 10 on a registry built from every shared source: Wikidata 2016 places against
 * Wikidata 2026's points, Q-ids per locality, namesake pairs, resolution shares. Reads the registry file
 * given (as bench/world-build.ts writes it), or builds one in a temporary folder.
 * Run: npx tsx bench/identity.ts [registry.sqlite]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/store/database.js';
import {
  identityFaults,
  namesakePairs,
  readRegistry,
  resolvedShares,
  wikidata2016Placement,
} from './identity-stats.js';
import { matchRates } from './import-stats.js';
import { readSourceFacts } from './source-facts.js';
import { buildWorld, SHARED_DATA } from './world-build.js';

if (!existsSync(SHARED_DATA)) {
  console.log(`SKIPPED: ${SHARED_DATA} is absent; the identity figures need the shared data.`);
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'twinning-identity-'));
const file = process.argv[2] ?? path.join(dir, 'world.sqlite');
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
try {
  if (process.argv[2] === undefined) await buildWorld(file);
  const database = openDatabase(file);
  const reg = await readRegistry(database.db);
  const rates = await matchRates(database.db, ['wikipedia-lists-geocoded', 'wikipedia-lists']);
  await database.close();
  const facts = await readSourceFacts(SHARED_DATA);
  const placed = wikidata2016Placement(reg, facts);
  console.log(
    `Wikidata 2016 places whose Q-id Wikidata 2026 gives: ${placed.checked}; more than 25 km from its point: ${placed.far} (${pct(placed.farShare)})`,
  );
  for (const e of placed.examples.slice(0, 40))
    console.log(
      `  ${e.qid} ${e.name} → ${e.locality} (${e.km === null ? 'no point' : `${e.km.toFixed(0)} km`})`,
    );
  const faults = identityFaults(reg, facts);
  console.log(
    `Localities holding several Q-ids: ${faults.severalQids}; of them with two Q-ids over 50 km apart: ${faults.qidsApart50km}`,
  );
  for (const e of faults.apartExamples.slice(0, 20)) console.log(`  ${e}`);
  console.log(`Q-ids split across localities: ${faults.splitQids}`);
  for (const e of faults.splitExamples.slice(0, 20)) console.log(`  ${e}`);
  console.log(`Localities matched both as a settlement and as a unit: ${faults.cityAndUnit}`);
  for (const e of faults.cityAndUnitExamples.slice(0, 20)) console.log(`  ${e}`);
  const namesakes = namesakePairs(reg, facts);
  const lost = namesakes.filter((n) => !n.linked);
  console.log(
    `Namesake pairs stated by the sources: ${namesakes.length}; a link between two localities: ${namesakes.length - lost.length}`,
  );
  for (const n of lost.slice(0, 30))
    console.log(`  lost: ${n.source}:${n.line} ${n.a} – ${n.b} (${n.aLocality} – ${n.bLocality})`);
  console.log(
    `Wikipedia-list places resolved: ${pct(rates.withParentShare)} (${pct(rates.matchedShare)} without parents); within 25 km: ${pct(rates.within25kmShare)} of ${rates.checkable}`,
  );
  for (const [source, s] of Object.entries(resolvedShares(reg)))
    console.log(`  ${source}: ${s.resolved} of ${s.places} places resolved (${pct(s.resolved / s.places)})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
