import type { Kysely } from 'kysely';
import { seededRng } from '../../src/core/random.js';
import type { DB } from '../../src/store/schema.js';

const COUNTRIES = [
  'DE',
  'FR',
  'GB',
  'IT',
  'PL',
  'US',
  'JP',
  'CN',
  'RU',
  'UA',
  'ES',
  'BR',
  'KR',
  'SE',
  'TR',
  'MX',
];

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/**
 * Adds a generated twinning network to a registry, for load tests: `nodes` localities with names, countries
 * and coordinates, and `links` twinnings between them chosen by preferential attachment (a few hubs, many
 * places with one partner, as in the real data), each formed in a dated year. Returns the keys it added.
 */
export async function addGeneratedNetwork(
  db: Kysely<DB>,
  { nodes, links, seed = 1 }: { nodes: number; links: number; seed?: number },
): Promise<string[]> {
  const next = seededRng(seed);
  const now = new Date().toISOString();
  const keys = Array.from({ length: nodes }, (_, i) => `generated-${seed}-${i}`);
  const localities = keys.map((key, i) => ({
    key,
    kind: 'city',
    country: COUNTRIES[i % COUNTRIES.length]!,
    parent_id: null,
    lat: Math.round((next() * 140 - 70) * 1e4) / 1e4,
    lon: Math.round((next() * 360 - 180) * 1e4) / 1e4,
    population: null,
    population_year: null,
    wikidata_id: null,
    geonames_id: null,
    unverified: 0,
    notes: null,
    created_at: now,
    updated_at: now,
  }));
  await insertInBatches(localities, (batch) => db.insertInto('localities').values(batch).execute());
  const rows = await db
    .selectFrom('localities')
    .select(['id', 'key'])
    .where('key', 'like', `generated-${seed}-%`)
    .execute();
  const idOf = new Map(rows.map((r) => [r.key, r.id]));
  const ids = keys.map((k) => idOf.get(k)!);
  await insertInBatches(
    ids.map((id, i) => ({
      locality_id: id,
      name: `Generated ${seed} ${i}`,
      folded: `generated ${seed} ${i}`,
      lang: 'en',
      valid_from: null,
      valid_to: null,
      is_primary: 1,
    })),
    (batch) => db.insertInto('locality_names').values(batch).execute(),
  );
  // Preferential attachment: each new link takes one end from the ends of earlier links half of the time.
  const ends: number[] = [];
  const pairs = new Set<string>();
  const linkRows = [];
  while (linkRows.length < links) {
    const a =
      ends.length > 0 && next() < 0.5
        ? ends[Math.floor(next() * ends.length)]!
        : ids[Math.floor(next() * nodes)]!;
    const b = ids[Math.floor(next() * nodes)]!;
    if (a === b) continue;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    if (pairs.has(`${lo}-${hi}`)) continue;
    pairs.add(`${lo}-${hi}`);
    ends.push(lo, hi);
    linkRows.push({
      a_id: lo,
      b_id: hi,
      kind: 'twin_town',
      purposes: '[]',
      exclusive: 0,
      unverified: 0,
      notes: null,
      created_at: now,
      updated_at: now,
    });
  }
  await insertInBatches(linkRows, (batch) => db.insertInto('links').values(batch).execute());
  const linkIds = await db.selectFrom('links').select('id').where('created_at', '=', now).execute();
  await insertInBatches(
    linkIds.map(({ id }, i) => {
      const year = 1950 + (i % 70);
      return {
        link_id: id,
        type: 'formalised',
        date: String(year),
        date_start: year * 10000 + 101,
        date_end: year * 10000 + 1231,
        actor_side: null,
        actor_name: null,
        cause: null,
        notes: null,
        unverified: 0,
        created_at: now,
      };
    }),
    (batch) => db.insertInto('link_events').values(batch).execute(),
  );
  return keys;
}
