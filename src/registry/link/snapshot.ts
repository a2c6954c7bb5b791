import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import type { LinkKind, LinkPurpose } from '../../core/link.js';
import { formatPartialDate } from '../../core/partial-date.js';
import { linksById, type LinkRecord } from '../../store/link.repository.js';
import type { DB } from '../../store/schema.js';

/** A link's stored facts (no derived status), as the audit log records them before and after a write. */
export interface LinkSnapshot {
  id: number;
  a: string;
  b: string;
  kind: string | null;
  purposes: string[];
  exclusive: boolean;
  unverified: boolean;
  notes: string | null;
  version: number;
  events: {
    id: number;
    type: string;
    date: string | null;
    actor: string | null;
    actorName: string | null;
    cause: string | null;
    notes: string | null;
    unverified: boolean;
  }[];
}

/** Reads a link with its events and the keys of its two localities; LinkNotFound when there is none. */
export async function linkWithKeys(
  db: Kysely<DB>,
  linkId: number,
): Promise<{
  link: LinkRecord;
  aKey: string;
  bKey: string;
  aCountry: string | null;
  bCountry: string | null;
}> {
  const [link] = await linksById(db, [linkId]);
  if (!link) throw new TwinningError('LinkNotFound', `no link has id ${linkId}`, { field: 'id' });
  const sides = await db
    .selectFrom('localities')
    .select(['id', 'key', 'country'])
    .where('id', 'in', [link.aId, link.bId])
    .execute();
  const a = sides.find((s) => s.id === link.aId)!;
  const b = sides.find((s) => s.id === link.bId)!;
  return { link, aKey: a.key, bKey: b.key, aCountry: a.country, bCountry: b.country };
}

/** A stored link's own facts as the audit snapshot and the timeline both show them (null where not recorded). */
export function linkFactsShown(link: LinkRecord): {
  kind: LinkKind | null;
  purposes: LinkPurpose[];
  exclusive: boolean;
  unverified: boolean;
  notes: string | null;
} {
  return {
    kind: link.kind ?? null,
    purposes: link.purposes,
    exclusive: link.exclusive,
    unverified: link.unverified,
    notes: link.notes ?? null,
  };
}

/** The snapshot of a stored link. */
export function snapshotLink(link: LinkRecord, aKey: string, bKey: string): LinkSnapshot {
  return {
    id: link.id,
    a: aKey,
    b: bKey,
    ...linkFactsShown(link),
    version: link.version,
    events: link.events.map((e) => ({
      id: e.id,
      type: e.type,
      date: e.date ? formatPartialDate(e.date) : null,
      actor: e.actor ?? null,
      actorName: e.actorName ?? null,
      cause: e.cause ?? null,
      notes: e.notes ?? null,
      unverified: e.unverified ?? false,
    })),
  };
}
