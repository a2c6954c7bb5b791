import { findLocality } from '../../registry/locality/find.js';
import { linkTimeline, type TimelineEvent } from '../../registry/link/timeline.js';
import type { CitationView } from '../../store/source.repository.js';
import { printJson, today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

const cite = (sources: readonly CitationView[]): string =>
  sources.length === 0
    ? ''
    : ` [${sources.map((s) => (s.locator ? `${s.sourceKey}#${s.locator}` : s.sourceKey)).join('; ')}]`;

function eventLine(e: TimelineEvent): string {
  const parts = [e.type.replace(/_/g, ' ')];
  if (e.actor) parts.push(`by ${e.actor}`);
  if (e.cause) parts.push(`— ${e.cause}`);
  if (e.notes) parts.push(`(${e.notes})`);
  if (e.unverified) parts.push('[unverified]');
  return `  ${(e.date ?? 'undated').padEnd(10)}  ${parts.join(' ')}${cite(e.sources)}`;
}

/** Prints the timeline of the link between two localities with its sources (`twinning link <a> <b>`). */
export async function showLink(io: CliIo, globals: GlobalOptions, a: string, b: string): Promise<void> {
  const view = await withRegistry(globals, async ({ db }) =>
    linkTimeline(db, await findLocality(db, a), await findLocality(db, b), today()),
  );
  if (globals.json) return printJson(io, view);
  const purposes = view.purposes.length ? `; ${view.purposes.join(', ')}` : '';
  io.out(
    `${view.a.name} – ${view.b.name} (${view.kind ?? 'kind not stated'}${purposes}${view.exclusive ? '; exclusive' : ''})`,
  );
  io.out(`Status today: ${view.status.replace(/_/g, ' ')}${view.since ? ` since ${view.since}` : ''}`);
  if (view.notes) io.out(`Notes: ${view.notes}`);
  io.out('Timeline:');
  view.events.forEach((e) => io.out(eventLine(e)));
  view.contradictions.forEach((c) => io.out(`Contradiction: ${c}`));
  io.out(`Sources:${cite(view.sources) || ' none'}`);
}
