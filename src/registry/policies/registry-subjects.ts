import type { Kysely } from 'kysely';
import type { LocalityKind } from '../../core/locality.js';
import { parsePartialDate } from '../../core/partial-date.js';
import type { MembershipSubject } from '../../core/policies/membership.js';
import type { LinkSubject, Party } from '../../core/policies/subject.js';
import { linksById } from '../../store/link.repository.js';
import { allLinks } from '../../store/network.repository.js';
import { linkIdsTouching, policyLocalities, policyMemberships } from '../../store/policy.repository.js';
import type { DB } from '../../store/schema.js';

/** The registry as the rules see it: its links as subjects, by locality, and its memberships. */
export interface RegistrySubjects {
  parties: Map<string, Party & { id: number }>;
  links: LinkSubject[];
  byLocality: Map<string, LinkSubject[]>;
  memberships: MembershipSubject[];
}

/**
 * Loads parties, memberships and links: every link, or only those touching the localities `scope` keeps
 * (a rule's bound places), so that a report on one state does not read the world.
 */
export async function loadRegistrySubjects(
  db: Kysely<DB>,
  scope?: (party: Party) => boolean,
): Promise<RegistrySubjects> {
  const [rows, memberRows] = await Promise.all([policyLocalities(db), policyMemberships(db)]);
  type Stored = Party & { id: number; associations: string[] };
  const byId = new Map<number, Stored>();
  const parties = new Map<string, Party & { id: number }>();
  for (const r of rows) {
    const party: Stored = {
      id: r.id,
      key: r.key,
      name: r.name,
      kind: r.kind as LocalityKind,
      country: r.country ?? undefined,
      subdivision: r.subdivision ?? undefined,
      associations: [],
    };
    byId.set(r.id, party);
    parties.set(r.key, party);
  }
  const memberships: MembershipSubject[] = [];
  for (const m of memberRows) {
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
  const records = scope
    ? await linksById(
        db,
        await linkIdsTouching(
          db,
          [...byId.values()].filter(scope).map((p) => p.id),
        ),
      )
    : await allLinks(db);
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
