import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { chronological, EVENT_TYPES, LINK_STATUSES, statusAt } from '../../core/link-lifecycle.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { NullableString, StringEnum } from '../../core/shapes.js';
import { CitationView } from '../../core/source.js';
import { linkBetween, linksById, type LinkRecord } from '../../store/link.repository.js';
import { localitiesById, type LocalityRecord } from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';
import { citationsFor } from '../../store/source.repository.js';
import { statingSourcesOf, type StatingSource } from '../../store/link-statement.repository.js';
import { LocalitySummary } from '../locality/partner-shapes.js';
import { summarize } from '../locality/partners.js';
import { LinkFacts } from './query.js';
import { linkFactsShown } from './snapshot.js';

/** One step of a link's timeline, with who acted and the sources that say so. */
export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  type: StringEnum(EVENT_TYPES),
  date: NullableString,
  actor: NullableString,
  cause: NullableString,
  notes: NullableString,
  unverified: Type.Boolean(),
  sources: Type.Array(CitationView),
});
export type TimelineEvent = Static<typeof TimelineEvent>;

/** A link with its whole history: events in order (undated ones last), status today, contradictions. */
export const LinkTimeline = Type.Object(
  {
    id: Type.Integer(),
    a: LocalitySummary,
    b: LocalitySummary,
    ...LinkFacts,
    notes: NullableString,
    status: StringEnum(LINK_STATUSES),
    since: NullableString,
    events: Type.Array(TimelineEvent),
    contradictions: Type.Array(Type.String()),
    sources: Type.Array(CitationView),
    version: Type.Integer(),
  },
  { $id: 'Link', title: 'Link' },
);
export type LinkTimeline = Static<typeof LinkTimeline>;

/** The timeline of the link between two localities; LinkNotFound when they are not linked. */
export async function linkTimeline(
  db: Kysely<DB>,
  x: number,
  y: number,
  today: PartialDate,
): Promise<LinkTimeline> {
  const link = await linkBetween(db, x, y);
  const localities = await localitiesById(db, [x, y]);
  if (!link) {
    const names = [x, y].map((id) => {
      const loc = localities.get(id);
      return loc ? summarize(loc, undefined).name : `#${id}`;
    });
    throw new TwinningError('LinkNotFound', `${names[0]} and ${names[1]} are not linked in the registry`);
  }
  return buildTimeline(db, link, localities, today);
}

/** The timeline of a link by its id; LinkNotFound when there is none. */
export async function linkTimelineById(
  db: Kysely<DB>,
  linkId: number,
  today: PartialDate,
): Promise<LinkTimeline> {
  const [link] = await linksById(db, [linkId]);
  if (!link) throw new TwinningError('LinkNotFound', `no link has id ${linkId}`, { field: 'id' });
  return buildTimeline(db, link, await localitiesById(db, [link.aId, link.bId]), today);
}

/**
 * Every source that states the link: those the bundled dataset cites, then each imported source that
 * lists the pair (with the line of its first statement), each source once.
 */
function allSources(cited: readonly CitationView[], stating: readonly StatingSource[]): CitationView[] {
  const keys = new Set(cited.map((c) => c.sourceKey));
  const imported = stating
    .filter((s) => !keys.has(s.sourceKey))
    .map((s) => ({
      sourceKey: s.sourceKey,
      title: s.title,
      url: s.url,
      locator: s.firstLine === null ? null : `line ${s.firstLine}`,
    }));
  return [...cited, ...imported];
}

async function buildTimeline(
  db: Kysely<DB>,
  link: LinkRecord,
  localities: ReadonlyMap<number, LocalityRecord>,
  today: PartialDate,
): Promise<LinkTimeline> {
  const a = localities.get(link.aId)!;
  const b = localities.get(link.bId)!;
  const ordered = [...chronological(link.events), ...link.events.filter((e) => e.date === undefined)];
  const eventSources = await citationsFor(
    db,
    'event',
    link.events.map((e) => e.id),
  );
  const linkSources = await citationsFor(db, 'link', [link.id]);
  const stating = (await statingSourcesOf(db, [link.id])).get(link.id) ?? [];
  const report = statusAt(link.events, undefined, today);
  const aView = summarize(a, undefined);
  const bView = summarize(b, undefined);
  const actorName = (side: string | undefined, named: string | undefined): string | null => {
    if (named) return named;
    if (side === 'a') return aView.name;
    if (side === 'b') return bView.name;
    return side === 'both' ? 'both sides' : null;
  };
  return {
    id: link.id,
    a: aView,
    b: bView,
    ...linkFactsShown(link),
    status: report.status,
    since: report.since ? formatPartialDate(report.since) : null,
    events: ordered.map((e) => {
      const id = (e as { id: number }).id;
      return {
        id,
        type: e.type,
        date: e.date ? formatPartialDate(e.date) : null,
        actor: actorName(e.actor, e.actorName),
        cause: e.cause ?? null,
        notes: e.notes ?? null,
        unverified: e.unverified ?? false,
        sources: eventSources.get(id) ?? [],
      };
    }),
    contradictions: report.contradictions.map((c) => c.message),
    sources: allSources(linkSources.get(link.id) ?? [], stating),
    version: link.version,
  };
}
