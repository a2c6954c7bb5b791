import type { Kysely } from 'kysely';
import type { LocalityKind } from '../../core/locality.js';
import { parsePartialDate } from '../../core/partial-date.js';
import type { MembershipSubject } from '../../core/policies/membership.js';
import type { LinkSubject, Party } from '../../core/policies/subject.js';
import { linksById, type LinkRecord } from '../../store/link.repository.js';
import { allLinks } from '../../store/network.repository.js';
import {
  linkIdsTouching,
  policyLocalities,
  policyMemberships,
  type PolicyLocalityRow,
} from '../../store/policy.repository.js';
import type { DB } from '../../store/schema.js';

/** The registry as the rules see it: its links as subjects, by locality, and its memberships. */
export interface RegistrySubjects {
  parties: Map<string, Party & { id: number }>;
  links: LinkSubject[];
  byLocality: Map<string, LinkSubject[]>;
  memberships: MembershipSubject[];
}

/** Which part of the registry to load: all of it, the links of places a test keeps, or the links of some places. */
export type SubjectScope =
  { all: true } | { keep: (party: Party) => boolean } | { localityIds: readonly number[] };

type Stored = Party & { id: number; associations: string[] };

function partyOf(r: PolicyLocalityRow): Stored {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    kind: r.kind as LocalityKind,
    country: r.country ?? undefined,
    subdivision: r.subdivision ?? undefined,
    associations: [],
  };
}

/**
 * Loads parties, memberships and links: every link, those touching the places `keep` accepts (a rule's
 * bound places, found by reading every locality), or those touching given places (reading only them and
 * their partners), so that a check of one link does not read the world.
 */
export async function loadRegistrySubjects(db: Kysely<DB>, scope: SubjectScope): Promise<RegistrySubjects> {
  let rows: PolicyLocalityRow[];
  let records: LinkRecord[];
  if ('localityIds' in scope) {
    records = await linksById(db, await linkIdsTouching(db, scope.localityIds));
    const ends = new Set([...scope.localityIds, ...records.flatMap((r) => [r.aId, r.bId])]);
    rows = await policyLocalities(db, [...ends]);
  } else {
    rows = await policyLocalities(db);
    records =
      'keep' in scope
        ? await linksById(
            db,
            await linkIdsTouching(
              db,
              rows
                .map(partyOf)
                .filter(scope.keep)
                .map((p) => p.id),
            ),
          )
        : await allLinks(db);
  }
  const byId = new Map<number, Stored>();
  const parties = new Map<string, Stored>();
  for (const r of rows) {
    const party = partyOf(r);
    byId.set(r.id, party);
    parties.set(r.key, party);
  }
  const memberships: MembershipSubject[] = [];
  for (const m of await policyMemberships(db)) {
    const member = byId.get(m.localityId);
    if (!member) continue;
    member.associations.push(m.association);
    memberships.push({
      association: m.association,
      member,
      from: m.from === null ? undefined : parsePartialDate(m.from),
      to: m.to === null ? undefined : parsePartialDate(m.to),
    });
  }
  const links: LinkSubject[] = [];
  const byLocality = new Map<string, LinkSubject[]>();
  for (const r of records) {
    const subject: LinkSubject = {
      id: r.id,
      a: byId.get(r.aId)!,
      b: byId.get(r.bId)!,
      kind: r.kind,
      events: r.events,
    };
    links.push(subject);
    for (const p of [subject.a, subject.b]) {
      const list = byLocality.get(p.key) ?? [];
      list.push(subject);
      byLocality.set(p.key, list);
    }
  }
  return { parties, links, byLocality, memberships };
}
