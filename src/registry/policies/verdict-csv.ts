import { csvLine } from '../../export/csv.js';
import type { VerdictRow } from './rules-report.js';

const HEADER = [
  'rule',
  'citation',
  'link_id',
  'association',
  'a_key',
  'a_name',
  'a_country',
  'a_subdivision',
  'b_key',
  'b_name',
  'b_country',
  'b_subdivision',
  'kind',
  'status',
  'verdict',
  'in_force',
  'deadline',
  'clause',
  'uncertain',
  'reason',
];

/** Verdict rows as CSV (RFC 4180), one line per link and rule, with the last step of the trace as the reason. */
export function verdictsCsv(rows: readonly VerdictRow[]): string {
  const lines = [csvLine(HEADER)];
  for (const r of rows) {
    const v = r.result;
    const reason =
      v.trace.filter((t) => t.kind === 'clause' || t.kind === 'decision' || t.kind === 'exception').at(-1)
        ?.text ?? '';
    lines.push(
      csvLine([
        v.rule,
        v.citation,
        r.linkId,
        r.association,
        r.a.key,
        r.a.name,
        r.a.country,
        r.a.subdivision,
        r.b?.key,
        r.b?.name,
        r.b?.country,
        r.b?.subdivision,
        r.kind,
        r.status,
        v.verdict,
        v.inForce,
        v.deadline,
        v.clause,
        v.uncertain,
        reason,
      ]),
    );
  }
  return lines.join('\n') + '\n';
}
