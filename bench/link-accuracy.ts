/**
 * Draws a seeded random sample of links stated by the imported sources and checks both ends of each against
 * what the sources stating it say about those places (`bench/link-accuracy-check.ts`, `judge`):
 * - a Q-id's end: within 25 km of Wikidata 2026's point for that Q-id;
 * - a list's end: within 25 km of the list's own point or of the point of the one Wikidata 2026 place of its
 *   unqualified name (2026 name or 2016 label) in the stated country. The list's point (a geocoder's pick from
 *   the name and country, not the list's statement) is set aside where it is no point of the place: shared by
 *   several names (a region's centre), lying in another country than the list states (by the nearest gazetteer
 *   place), or given to whole tenths of a degree in both coordinates (an area's centre or a rounding: new in
 *   session 9);
 * - an end with no point to judge by: its country (Wikidata 2026's for a Q-id, else the stated one), except
 *   that an end whose point lies in another country than the list states, and that Wikidata 2026 cannot
 *   place, is uncheckable: the list's point and country contradict each other (new in session 9; session 8's
 *   check judged it by the stated country); an end only Wikidata 2016 names is uncheckable;
 * - new in session 10: a list's point that is a unit's named after the place (the nearest gazetteer place lies
 *   in a first- or second-level unit of the place's name, and no gazetteer place of the name lies within 25 km:
 *   "Franklin, United States" at the seat of Franklin County, Texas) is set aside as a region's centre is.
 * - new in session 13, readings that only add evidence (`Reading`): a point with no place of the name within 25 km, in
 *   the first-level unit of the country's one gazetteer seat of that name and within 100 km of it, is the
 *   seat's unit's, and the seat is a reference beside it; a qualified place's other spellings in the list
 *   ("Žagarė (Joniškis)" for "Joniškis – Žagarė") lend it their points; the one gazetteer place of an
 *   unqualified name in the stated country within 100 km of a partner across a border (another country, another
 *   name) is a reference beside a point with no place of the name within 25 km ("Pawłowice, Poland", paired
 *   with Teplička nad Váhom, is the Silesian one).
 * No reference comes from the registry or the match: only the source files, and the gazetteer's country of
 * the place nearest a list's point.
 * Prints the share with both ends right by this check and by session 10's, how links move between the two,
 * each wrong end (marked when the import flagged it doubtful), and how often the list's own point agrees with
 * Wikidata 2026 where it disagrees with the match. With `--before <file>`, also how links move from that
 * registry to this one under each check. Reads the registry file given (bench/world-build.ts writes one), or
 * builds one in a temporary folder.
 * With `--also-seeds a,b,c`, also one line for each further seed's sample (this check and session 10's), read
 * from the same registry and files.
 * Run: npx tsx bench/link-accuracy.ts [registry.sqlite] [--seed N] [--size N] [--before other.sqlite]
 *      [--also-seeds a,b,c]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/store/database.js';
import { readRegistry } from './identity-stats.js';
import {
  CHECK,
  linkVerdicts,
  listPointDisagreements,
  SESSION10_CHECK,
  sampleLinkAccuracy,
  verdictMovement,
  type CheckRules,
} from './link-accuracy-check.js';
import { readSourceFacts } from './source-facts.js';
import { buildWorld, SHARED_DATA } from './world-build.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '20261129' },
    size: { type: 'string', default: '200' },
    before: { type: 'string' },
    'also-seeds': { type: 'string' },
  },
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
  const seed = Number(values.seed);
  const size = Number(values.size);
  const r = sampleLinkAccuracy(reg, facts, seed, size, CHECK);
  const pct = (n: number, of: number): string => `${((n / of) * 100).toFixed(2)}%`;
  const movement = (m: Map<string, number>): string =>
    [...m]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  console.log(
    `Sample: ${r.sample.length} of ${r.population} links stated by an imported source (seed ${seed})`,
  );
  console.log(
    `Both ends checkable: ${r.checkable}; both ends right: ${r.bothRight} (${pct(r.bothRight, r.checkable)} of checkable)`,
  );
  const old = sampleLinkAccuracy(reg, facts, seed, size, SESSION10_CHECK);
  console.log(
    `  by session 10's check: ${old.bothRight} of ${old.checkable} (${pct(old.bothRight, old.checkable)}); links moved to this check: ${movement(verdictMovement(linkVerdicts(old.sample), linkVerdicts(r.sample)))}`,
  );
  if (values.before !== undefined) {
    const other = openDatabase(values.before);
    const before = await readRegistry(other.db);
    await other.close();
    for (const rules of [SESSION10_CHECK, CHECK] as CheckRules[]) {
      const b = sampleLinkAccuracy(before, facts, seed, size, rules);
      const a = rules === CHECK ? r : old;
      console.log(
        `  ${rules.name}: before ${b.bothRight} of ${b.checkable} (${pct(b.bothRight, b.checkable)}), after ${a.bothRight} of ${a.checkable}; links moved before → after: ${movement(verdictMovement(linkVerdicts(b.sample), linkVerdicts(a.sample)))}`,
      );
    }
    const b = sampleLinkAccuracy(before, facts, seed, size, SESSION10_CHECK);
    console.log(
      `  before by session 10's check → after by this check: ${movement(verdictMovement(linkVerdicts(b.sample), linkVerdicts(r.sample)))}`,
    );
  }
  console.log(`One end uncheckable, the other right: ${r.halfChecked}`);
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
  for (const other of values['also-seeds']?.split(',').map(Number) ?? []) {
    const a = sampleLinkAccuracy(reg, facts, other, size, CHECK);
    const b = sampleLinkAccuracy(reg, facts, other, size, SESSION10_CHECK);
    console.log(
      `Seed ${other}: both ends right ${a.bothRight} of ${a.checkable} (${pct(a.bothRight, a.checkable)}); by session 10's check ${b.bothRight} of ${b.checkable} (${pct(b.bothRight, b.checkable)})`,
    );
  }
  // The check's reference where it disagrees with the match, judged by Wikidata 2026 where it can be.
  const d = listPointDisagreements(reg, facts);
  console.log(
    `List places matched over 25 km from the list's point, that Wikidata 2026 places (one place of the name and country): ${d.checked}; within 25 km of Wikidata's point: the match ${d.matchAgrees}, the list's point ${d.listAgrees}, neither ${d.neither}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
