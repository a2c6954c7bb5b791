/**
 * Benchmark for issue 13: every rule's verdict on every link of the world's registry (the bundled dataset and
 * every file of ../shared/data imported, as bench/import-all.ts builds it), against a baseline measured in the
 * same run: deriving every link's status at the date, the least a date-aware pass over the registry does.
 * Prints figures, never pass/fail. Run: npx tsx bench/rules-all.ts
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { statusAt } from '../src/core/link-lifecycle.js';
import { parsePartialDate } from '../src/core/partial-date.js';
import { evaluate } from '../src/core/policies/evaluate.js';
import type { RuleVerdict } from '../src/core/policies/verdict.js';
import { defaultGazetteerPath, loadGazetteer } from '../src/ingest/gazetteer/load-gazetteer.js';
import { runImport } from '../src/ingest/import/run-import.js';
import { openSource } from '../src/ingest/sources/open-source.js';
import { openRegistry } from '../src/registry/open-registry.js';
import { loadRegistrySubjects } from '../src/registry/policies/registry-subjects.js';
import { bundledRuleSet } from '../src/registry/policies/rule-set.js';
import { importSources } from './import-sources.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const data = path.resolve(repoRoot, '../shared/data');
if (!existsSync(data)) {
  console.log(`SKIPPED: ${data} is absent; the rules benchmark needs the shared data.`);
  process.exit(0);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Wall-clock and CPU milliseconds of each run (CPU time is what a shared machine does not inflate). */
const time = (fn: () => void, runs = 7): { wall: number[]; cpu: number[] } => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
};

const dir = mkdtempSync(path.join(tmpdir(), 'twinning-bench-rules-'));
try {
  const built = performance.now();
  const { database } = await openRegistry(path.join(dir, 'world.sqlite'));
  await loadGazetteer(database, defaultGazetteerPath());
  for (const s of importSources(data))
    await runImport(database, s.format, openSource(s), { key: s.key, title: s.key });
  console.log(
    `World registry built in ${((performance.now() - built) / 1000).toFixed(1)} s (gazetteer and four imports)`,
  );

  const ruleSet = bundledRuleSet();
  const today = parsePartialDate('2026-11-29');
  const asOf = parsePartialDate('2025-10-02');
  const loadStart = performance.now();
  const registry = await loadRegistrySubjects(database.db, { all: true });
  const loadMs = performance.now() - loadStart;
  const subdivided = [...registry.parties.values()].filter((p) => p.country === 'US' && p.subdivision).length;
  const us = [...registry.parties.values()].filter((p) => p.country === 'US').length;
  await database.close();

  const context = { today, linksOf: (key: string) => registry.byLocality.get(key) ?? [] };
  const baseline = time(() => {
    for (const s of registry.links) statusAt(s.events, asOf, today);
  });
  let verdicts: RuleVerdict[] = [];
  const evaluation = time(() => {
    const all: RuleVerdict[] = [];
    for (const s of registry.links) all.push(...evaluate(s, ruleSet, asOf, context));
    verdicts = all;
  });
  const counts = new Map<string, Map<string, number>>();
  for (const v of verdicts) {
    const byVerdict = counts.get(v.rule) ?? new Map<string, number>();
    byVerdict.set(v.verdict, (byVerdict.get(v.verdict) ?? 0) + 1);
    counts.set(v.rule, byVerdict);
  }
  const ev = median(evaluation.wall);
  const base = median(baseline.wall);
  console.log(
    `Registry: ${registry.links.length} links, ${registry.parties.size} localities (${subdivided} of ${us} US localities with a state)`,
  );
  console.log(`Rules: ${ruleSet.rules.length}, country lists: ${ruleSet.lists.length}; as of 2025-10-02`);
  console.log(`Load (links with events, localities, memberships): ${loadMs.toFixed(0)} ms`);
  const range = (xs: number[]): string =>
    `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
  const evCpu = median(evaluation.cpu);
  const baseCpu = median(baseline.cpu);
  console.log(
    `Load average at the measurement: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    `All links × all rules: median ${ev.toFixed(0)} ms wall (${range(evaluation.wall)}), ${evCpu.toFixed(0)} ms CPU, ${evaluation.wall.length} runs`,
  );
  console.log(
    `Baseline, statusAt of every link at the date: median ${base.toFixed(0)} ms wall, ${baseCpu.toFixed(0)} ms CPU`,
  );
  console.log(
    `Evaluation against the baseline: ×${(ev / base).toFixed(2)} wall, ×${(evCpu / baseCpu).toFixed(2)} CPU`,
  );
  console.log(`Load + evaluation: ${(loadMs + ev).toFixed(0)} ms; ${verdicts.length} verdicts`);
  for (const [rule, byVerdict] of counts)
    console.log(`  ${rule}: ${[...byVerdict].map(([v, n]) => `${v} ${n}`).join(', ')}`);
  console.log(`Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
