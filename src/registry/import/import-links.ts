import type { Kysely } from 'kysely';
import { isFormingEvent } from '../../core/link-lifecycle.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import {
  eventKeysOf,
  insertBareLinks,
  insertLinkSources,
  insertSourcedEvents,
  linkIdsByPair,
  linkSourcesOf,
  pairKey,
  updateLinkSourceFlags,
  type LinkSourceRow,
  type SourcedEvent,
} from '../../store/writes/link-source.js';
import type { DB } from '../../store/schema.js';
import type { PlannedStatement } from './import-plan.js';

/** What writing a source's links did. */
export interface LinkSummary {
  statements: number;
  pairs: number;
  linksCreated: number;
  /** Links other sources already stated that this source confirms. */
  linksConfirmed: number;
  /** Statements folded into a link another statement of this import already stated (both directions, repeats). */
  statementsMerged: number;
  /** Pairs a directed source states in one direction only. */
  oneSided: number;
  selfPairs: number;
  eventsAdded: number;
}

interface Pair {
  a: number;
  b: number;
  aListsB: boolean;
  bListsA: boolean;
  undirected: boolean;
  line: number;
  start?: PartialDate;
  end?: PartialDate;
}

function pairsOf(
  statements: readonly PlannedStatement[],
  localityOf: ReadonlyMap<string, number>,
): { pairs: Map<string, Pair>; selfPairs: number } {
  const pairs = new Map<string, Pair>();
  let selfPairs = 0;
  for (const s of statements) {
    const x = localityOf.get(s.subject)!;
    const y = localityOf.get(s.object)!;
    if (x === y) {
      selfPairs++;
      continue;
    }
    const key = pairKey(x, y);
    const pair = pairs.get(key) ?? {
      a: Math.min(x, y),
      b: Math.max(x, y),
      aListsB: false,
      bListsA: false,
      undirected: false,
      line: s.line,
    };
    if (!s.directed) pair.undirected = true;
    else if (x === pair.a) pair.aListsB = true;
    else pair.bListsA = true;
    pair.start ??= s.start;
    pair.end ??= s.end;
    pairs.set(key, pair);
  }
  return { pairs, selfPairs };
}

async function recordProvenance(
  db: Kysely<DB>,
  sourceId: number,
  pairs: Map<string, Pair>,
  linkOf: Map<string, number>,
  touched: Set<number>,
): Promise<number> {
  const known = await linkSourcesOf(db, sourceId);
  const fresh: LinkSourceRow[] = [];
  let oneSided = 0;
  for (const [key, p] of pairs) {
    const linkId = linkOf.get(key)!;
    const before = known.get(linkId);
    const flags = {
      a_lists_b: p.aListsB || before?.a_lists_b === 1 ? 1 : 0,
      b_lists_a: p.bListsA || before?.b_lists_a === 1 ? 1 : 0,
      undirected: p.undirected || before?.undirected === 1 ? 1 : 0,
    };
    if (flags.a_lists_b !== flags.b_lists_a) oneSided++;
    if (!before) {
      fresh.push({ link_id: linkId, source_id: sourceId, first_line: p.line, ...flags });
      touched.add(linkId);
    } else if (
      flags.a_lists_b !== before.a_lists_b ||
      flags.b_lists_a !== before.b_lists_a ||
      flags.undirected !== before.undirected
    ) {
      await updateLinkSourceFlags(db, before.id, flags);
      touched.add(linkId);
    }
  }
  await insertLinkSources(db, fresh);
  return oneSided;
}

/**
 * The events a source states: its start and end dates (Wikidata's P580 and P582), and, for a link with no
 * formation on record, an undated formation, since a source that lists two places as twinned says the link
 * was formed. Events already on record are not repeated, so a re-import adds nothing.
 */
async function addEvents(
  db: Kysely<DB>,
  source: { id: number; key: string },
  pairs: Map<string, Pair>,
  linkOf: Map<string, number>,
  touched: Set<number>,
): Promise<number> {
  const existing = await eventKeysOf(
    db,
    [...pairs.keys()].map((key) => linkOf.get(key)!),
  );
  const events: SourcedEvent[] = [];
  const notes = `stated by ${source.key}`;
  for (const [key, p] of pairs) {
    const linkId = linkOf.get(key)!;
    const have = existing.get(linkId) ?? new Set<string>();
    const stated: SourcedEvent[] = [];
    if (p.start) stated.push({ linkId, type: 'formalised', date: p.start, notes });
    if (p.end) stated.push({ linkId, type: 'terminated', date: p.end, notes });
    const formed = [...have].some((k) => isFormingEvent(k.split('|')[0]!)) || p.start !== undefined;
    if (!formed)
      stated.push({
        linkId,
        type: 'agreement_signed',
        notes: `${notes}, which lists the two as twinned; undated`,
      });
    events.push(...stated.filter((e) => !have.has(`${e.type}|${e.date ? formatPartialDate(e.date) : ''}`)));
  }
  for (const e of events) touched.add(e.linkId);
  return insertSourcedEvents(db, source.id, events);
}

/** The links an import wrote: the summary, the links it created, and the existing links it changed. */
export interface ImportedLinks {
  summary: LinkSummary;
  created: Set<number>;
  /** Links that were there before and gained this source's statement, new sides or new events. */
  changed: Set<number>;
}

/** Turns a source's statements into links (one per pair of localities) with the source recorded on each. */
export async function importLinks(
  db: Kysely<DB>,
  source: { id: number; key: string },
  statements: readonly PlannedStatement[],
  localityOf: ReadonlyMap<string, number>,
): Promise<ImportedLinks> {
  const { pairs, selfPairs } = pairsOf(statements, localityOf);
  const linkOf = await linkIdsByPair(db);
  const before = await linkSourcesOf(db, source.id);
  const missingKeys = new Set([...pairs.keys()].filter((key) => !linkOf.has(key)));
  const missing = [...missingKeys].map((key): [number, number] => [pairs.get(key)!.a, pairs.get(key)!.b]);
  const created = new Set<number>();
  for (const [key, id] of await insertBareLinks(db, missing)) {
    linkOf.set(key, id);
    created.add(id);
  }
  const linksConfirmed = [...pairs.keys()].filter(
    (k) => !missingKeys.has(k) && !before.has(linkOf.get(k)!),
  ).length;
  const touched = new Set<number>();
  const oneSided = await recordProvenance(db, source.id, pairs, linkOf, touched);
  const eventsAdded = await addEvents(db, source, pairs, linkOf, touched);
  const changed = new Set([...touched].filter((id) => !created.has(id)));
  const summary: LinkSummary = {
    statements: statements.length,
    pairs: pairs.size,
    linksCreated: missing.length,
    linksConfirmed,
    statementsMerged: statements.length - selfPairs - pairs.size,
    oneSided,
    selfPairs,
    eventsAdded,
  };
  return { summary, created, changed };
}
