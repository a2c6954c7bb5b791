/**
 * Draws a seeded random sample of links stated by the imported sources and checks both ends of each against
 * what the sources stating it say about those places: Wikidata 2026's point for a Q-id, else the geocoded
 * Wikipedia list's own point (not one it gives several names), else the stated country. Prints the share
 * with both ends right, and each wrong end (marked when the import flagged it doubtful), and how often the list's own
 * point agrees with Wikidata 2026 where it disagrees with the match. Reads the registry file given (bench/world-build.ts writes one),
 * or builds one in a temporary folder.
 * Run: npx tsx bench/link-accuracy.ts [registry.sqlite] [--seed N] [--size N]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/store/database.js';
import { readRegistry } from './identity-stats.js';
import { listPointDisagreements, sampleLinkAccuracy } from './link-accuracy-check.js';
import { readSourceFacts } from './source-facts.js';
import { buildWorld, SHARED_DATA } from './world-build.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '20261129' }, size: { type: 'string', default: '200' } },
});
if (!existsSync(SHARED_DATA)) {
  console.log(`SKIPPED: ${SHARED_DATA} is absent; the link check needs the shared data.`);
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'twinning-links-'));
const file = positionals[0] ?? path.join(dir, 'world.sqlite');
try {
  if (positionals[0] === undefined) await buildWorld(file);
  const database = openDatabase(file);
  const reg = await readRegistry(database.db);
  await database.close();
  const facts = await readSourceFacts(SHARED_DATA);
  const r = sampleLinkAccuracy(reg, facts, Number(values.seed), Number(values.size));
  const pct = (n: number, of: number): string => `${((n / of) * 100).toFixed(1)}%`;
  console.log(
    `Sample: ${r.sample.length} of ${r.population} links stated by an imported source (seed ${values.seed})`,
  );
  console.log(
    `Both ends checkable: ${r.checkable}; both ends right: ${r.bothRight} (${pct(r.bothRight, r.checkable)} of checkable)`,
  );
  // The same sample judged by the earlier rule, which took a list's point as evidence even where it lies in
  // another country than the list states.
  const strict = sampleLinkAccuracy(
    { ...reg, countryAt: () => undefined },
    facts,
    Number(values.seed),
    Number(values.size),
  );
  console.log(
    `  by the earlier rule (every list point as evidence, even in another country than stated): ${strict.bothRight} of ${strict.checkable} (${pct(strict.bothRight, strict.checkable)})`,
  );
  console.log(`One end uncheckable (a Wikidata 2016 label alone), the other right: ${r.halfChecked}`);
  console.log(
    `Links with a wrong end: ${r.wrong.length} (${pct(r.wrong.length, r.sample.length)} of the sample); every wrong end flagged doubtful by the import: ${r.wrong.filter((w) => w.flagged).length}`,
  );
  console.log(
    `Checkable links with no wrong end taken silently (right, or wrong and flagged): ${r.noSilentError} (${pct(r.noSilentError, r.checkable)})`,
  );
  for (const w of r.wrong)
    console.log(
      `  ${w.flagged ? '(flagged) ' : ''}${w.a} – ${w.b} [${w.sources.join(', ')}]: ${w.why.join('; ')}`,
    );
  // The check's reference where it disagrees with the match, judged by Wikidata 2026 where it can be.
  const d = listPointDisagreements(reg, facts);
  console.log(
    `List places matched over 25 km from the list's point, that Wikidata 2026 places (one place of the name and country): ${d.checked}; within 25 km of Wikidata's point: the match ${d.matchAgrees}, the list's point ${d.listAgrees}, neither ${d.neither}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
