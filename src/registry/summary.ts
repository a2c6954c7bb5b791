import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { NullableString } from '../core/shapes.js';
import { countRows } from '../store/row-count.repository.js';
import type { DB } from '../store/schema.js';

const KindCount = Type.Object({ kind: NullableString, count: Type.Integer() });

/** Counts of what the registry holds. */
export const RegistrySummary = Type.Object({
  localities: Type.Integer(),
  countries: Type.Integer(),
  links: Type.Integer(),
  events: Type.Integer(),
  associations: Type.Integer(),
  memberships: Type.Integer(),
  terms: Type.Integer(),
  sources: Type.Integer(),
  localitiesByKind: Type.Array(KindCount),
  linksByKind: Type.Array(KindCount),
  linksDated: Type.Integer({ description: 'Links with at least one dated event' }),
  linksListedWithoutDate: Type.Integer({
    description:
      "Links that sources only list, undated: known to stand from the earliest listing source's retrieval date",
  }),
  counting: Type.String({ description: 'What each count counts' }),
});
export type RegistrySummary = Static<typeof RegistrySummary>;

/** Counts rows of the registry's tables, and localities and links by kind (largest first). */
export async function registrySummary(db: Kysely<DB>): Promise<RegistrySummary> {
  const count = (
    table: 'localities' | 'links' | 'link_events' | 'associations' | 'memberships' | 'terms' | 'sources',
  ) => countRows(db, table);
  const countries = await db
    .selectFrom('localities')
    .select((eb) => eb.fn.count<number>('country').distinct().as('n'))
    .executeTakeFirstOrThrow();
  const localitiesByKind = await db
    .selectFrom('localities')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('kind')
    .orderBy('count', 'desc')
    .orderBy('kind')
    .execute();
  const linksByKind = await db
    .selectFrom('links')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('kind')
    .orderBy('count', 'desc')
    .orderBy('kind')
    .execute();
  const dated = await db
    .selectFrom('link_events')
    .select((eb) => eb.fn.count<number>('link_id').distinct().as('n'))
    .where('date', 'is not', null)
    .executeTakeFirstOrThrow();
  const links = await count('links');
  return {
    localities: await count('localities'),
    countries: Number(countries.n),
    links,
    events: await count('link_events'),
    associations: await count('associations'),
    memberships: await count('memberships'),
    terms: await count('terms'),
    sources: await count('sources'),
    localitiesByKind: localitiesByKind.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    linksByKind: linksByKind.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    linksDated: Number(dated.n),
    linksListedWithoutDate: links - Number(dated.n),
    counting:
      'Rows the registry holds, whatever their status: links counts every pair of localities stated to be twinned, ended and paused ones included; linksDated those with at least one dated event; linksListedWithoutDate those that sources only list, undated, each known to stand from the retrieval date of the earliest source listing it.',
  };
}
