import { TwinningError } from '../../core/errors.js';
import { LINK_KINDS, type LinkKind } from '../../core/link.js';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../../core/partial-date.js';
import type { RuleSet } from '../../core/policies/rule.js';
import { applyRuleChanges } from '../../core/policies/what-if.js';
import { findLocality } from '../../registry/locality/find.js';
import { readRuleFile } from '../../registry/policies/read-rules.js';
import { bundledRuleSet, bundledSourceKeys } from '../../registry/policies/rule-set.js';
import {
  checkLinkId,
  checkLocality,
  checkPair,
  ruleReport,
  type VerdictRow,
} from '../../registry/policies/rules-report.js';
import { verdictsCsv } from '../../registry/policies/verdict-csv.js';
import { localitiesById } from '../../store/locality.repository.js';
import { printJson, today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

export type WhatIfOptions = {
  asOf?: string;
  add?: string[];
  without?: string[];
  enact?: string[];
  format?: string;
};

/** The rule set with the command's what-if changes; the bundled files and the registry are untouched. */
function ruleSetOf(options: WhatIfOptions): RuleSet {
  const base = bundledRuleSet();
  const keys = bundledSourceKeys();
  return applyRuleChanges(base, {
    add: (options.add ?? []).map((f) => readRuleFile(f, base.lists, keys)),
    remove: options.without ?? [],
    enact: (options.enact ?? []).map((e) => {
      const [rule = '', date = ''] = e.split('=', 2);
      return { rule, date: parsePartialDate(date, '--enact') };
    }),
  });
}

function asOfOf(options: WhatIfOptions): PartialDate {
  return options.asOf ? parsePartialDate(options.asOf, '--as-of') : today();
}

function formatOf(options: WhatIfOptions, globals: GlobalOptions): 'text' | 'json' | 'csv' {
  const f = globals.json ? 'json' : (options.format ?? 'text');
  if (f !== 'text' && f !== 'json' && f !== 'csv')
    throw new TwinningError('InvalidInput', `--format must be text, json or csv, not "${f}"`, {
      field: '--format',
    });
  return f;
}

function textLines(rows: readonly VerdictRow[]): string[] {
  const lines: string[] = [];
  for (const r of rows) {
    const v = r.result;
    const who = r.b ? `${r.a.name} – ${r.b.name}` : `${r.a.name} in ${r.association}`;
    const when = v.deadline ? ` (deadline ${v.deadline})` : '';
    const flags = [v.inForce ? '' : 'not in force', v.uncertain ? 'uncertain' : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `${who}: ${v.verdict.replace(/_/g, ' ')}${when} under ${v.rule} [${v.citation}]${flags ? ` (${flags})` : ''}`,
    );
    for (const t of v.trace)
      lines.push(`    ${t.kind}: ${t.text}${t.cite.length ? ` [${t.cite.join('; ')}]` : ''}`);
  }
  return lines;
}

function print(
  io: CliIo,
  format: 'text' | 'json' | 'csv',
  value: unknown,
  rows: readonly VerdictRow[],
  head?: string,
): void {
  if (format === 'json') return printJson(io, value);
  if (format === 'csv') return io.out(verdictsCsv(rows).trimEnd());
  if (head) io.out(head);
  if (rows.length === 0) io.out('No link is reached by the rules.');
  textLines(rows).forEach((l) => io.out(l));
}

async function keyOf(db: Parameters<typeof findLocality>[0], text: string): Promise<string> {
  const id = await findLocality(db, text);
  return (await localitiesById(db, [id])).get(id)!.key;
}

/** Prints the rules and country lists (`twinning rules list`). */
export function listRules(io: CliIo, globals: GlobalOptions): void {
  const set = bundledRuleSet();
  if (globals.json) return printJson(io, set);
  for (const r of set.rules) {
    const from = r.clauses.map((c) => c.from).find((f) => f !== undefined);
    io.out(
      `${r.id}  ${r.jurisdiction}  ${r.status}  ${r.citation}${from ? `  from ${formatPartialDate(from.date)}` : ''}`,
    );
    io.out(`    ${r.title}`);
  }
  for (const l of set.lists)
    io.out(
      `list ${l.id}  ${l.citation}  ${l.mode}, ${l.completeness}${l.aliases.length ? `  (also cited as ${l.aliases.map((a) => a.citation).join(', ')})` : ''}`,
    );
}

/** Prints every rule's verdict on a locality's links, one link, or a (proposed) pair (`twinning rules check`). */
export async function checkRules(
  io: CliIo,
  globals: GlobalOptions,
  target: string,
  options: WhatIfOptions & { with?: string; kind?: string },
): Promise<void> {
  const format = formatOf(options, globals);
  const set = ruleSetOf(options);
  const asOf = asOfOf(options);
  if (options.kind !== undefined && !(LINK_KINDS as readonly string[]).includes(options.kind))
    throw new TwinningError('InvalidInput', `--kind must be one of ${LINK_KINDS.join(', ')}`, {
      field: '--kind',
    });
  const result = await withRegistry(globals, async ({ db }) => {
    const link = /^link:(\d+)$/.exec(target);
    if (link) return { rows: await checkLinkId(db, set, Number(link[1]), asOf, today()) };
    const key = await keyOf(db, target);
    if (options.with === undefined) return { rows: await checkLocality(db, set, key, asOf, today()) };
    return checkPair(
      db,
      set,
      key,
      await keyOf(db, options.with),
      options.kind as LinkKind | undefined,
      asOf,
      today(),
    );
  });
  const head =
    'proposed' in result && result.proposed
      ? `Proposed link (not in the registry), judged as formed on ${formatPartialDate(asOf)}:`
      : undefined;
  print(io, format, { asOf: formatPartialDate(asOf), ...result }, result.rows, head);
}

/** Prints every link a rule reaches at a date with its verdict (`twinning rules report`). */
export async function reportRule(
  io: CliIo,
  globals: GlobalOptions,
  ruleId: string,
  options: WhatIfOptions,
): Promise<void> {
  const format = formatOf(options, globals);
  const set = ruleSetOf(options);
  const asOf = asOfOf(options);
  const report = await withRegistry(globals, ({ db }) => ruleReport(db, set, ruleId, asOf, today()));
  print(
    io,
    format,
    report,
    report.rows,
    `${report.rule} [${report.citation}] as of ${report.asOf}: ${report.rows.length} links reached`,
  );
}
