import type { Kysely } from 'kysely';
import { TwinningError } from '../../core/errors.js';
import { nowIso } from '../../store/booleans.js';
import type { DB } from '../../store/schema.js';
import { Journal, undoJournal, type JournalEntry } from './fix-journal.js';

type Row = Record<string, unknown> & { id: number };

async function moveLinkRows(j: Journal, fromLink: number, toLink: number, swap: boolean): Promise<void> {
  const targetSources = await j.rows('link_sources', 'link_id', toLink);
  for (const s of await j.rows('link_sources', 'link_id', fromLink)) {
    const flags = swap
      ? { a_lists_b: s.b_lists_a, b_lists_a: s.a_lists_b }
      : { a_lists_b: s.a_lists_b, b_lists_a: s.b_lists_a };
    const same = targetSources.find((t) => t.source_id === s.source_id);
    if (same === undefined) {
      await j.update('link_sources', s, { link_id: toLink, ...flags });
      continue;
    }
    const or = (x: unknown, y: unknown): number => (Number(x) === 1 || Number(y) === 1 ? 1 : 0);
    await j.update('link_sources', same, {
      a_lists_b: or(same.a_lists_b, flags.a_lists_b),
      b_lists_a: or(same.b_lists_a, flags.b_lists_a),
      undirected: or(same.undirected, s.undirected),
    });
    await j.delete('link_sources', s);
  }
  for (const e of await j.rows('link_events', 'link_id', fromLink))
    await j.update('link_events', e, { link_id: toLink });
  for (const c of await j.rows('citations', 'entity_id', fromLink))
    if (c.entity_type === 'link') await j.update('citations', c, { entity_id: toLink });
}

async function dropLink(j: Journal, link: Row): Promise<void> {
  for (const table of ['link_sources', 'link_events'] as const)
    for (const r of await j.rows(table, 'link_id', link.id)) await j.delete(table, r);
  for (const c of await j.rows('citations', 'entity_id', link.id))
    if (c.entity_type === 'link') await j.delete('citations', c);
  await j.delete('links', link);
}

/** Re-points one link from the merged locality to the kept one, folding it into a link the kept one already has. */
async function repointLink(
  db: Kysely<DB>,
  j: Journal,
  link: Row,
  keptId: number,
  mergedId: number,
): Promise<void> {
  const other = (link.a_id === mergedId ? link.b_id : link.a_id) as number;
  if (other === keptId) return dropLink(j, link);
  const [a, b] = keptId < other ? [keptId, other] : [other, keptId];
  const swap = (link.a_id === mergedId) !== (a === keptId);
  const existing = await db
    .selectFrom('links')
    .select('id')
    .where('a_id', '=', a)
    .where('b_id', '=', b)
    .executeTakeFirst();
  if (existing) {
    await moveLinkRows(j, link.id, existing.id, swap);
    return dropLink(j, link);
  }
  await j.update('links', link, { a_id: a, b_id: b });
  if (swap)
    for (const s of await j.rows('link_sources', 'link_id', link.id))
      await j.update('link_sources', s, { a_lists_b: s.b_lists_a, b_lists_a: s.a_lists_b });
}

/**
 * Merges locality `mergedId` into `keptId`: names, source matches, citations, memberships and links
 * move to the kept one (a link both had becomes one, with both provenances), and the merged one goes.
 * Every change is journaled in `locality_merges` so that `unmergeLocalities` can undo it.
 */
export async function mergeLocalities(
  db: Kysely<DB>,
  keptId: number,
  mergedId: number,
  who: string,
  reason: string,
): Promise<number> {
  if (keptId === mergedId) throw new TwinningError('InvalidInput', 'a locality cannot be merged into itself');
  const j = new Journal(db);
  const [merged] = await j.rows('localities', 'id', mergedId);
  const [kept] = await j.rows('localities', 'id', keptId);
  if (!merged || !kept)
    throw new TwinningError('LocalityNotFound', `no locality has the id ${merged ? keptId : mergedId}`);
  for (const n of await j.rows('locality_names', 'locality_id', mergedId))
    await j.update('locality_names', n, { locality_id: keptId, is_primary: 0 });
  for (const table of ['source_places', 'memberships'] as const)
    for (const r of await j.rows(table, 'locality_id', mergedId))
      await j.update(table, r, { locality_id: keptId });
  for (const c of await j.rows('citations', 'entity_id', mergedId))
    if (c.entity_type === 'locality') await j.update('citations', c, { entity_id: keptId });
  for (const child of await j.rows('localities', 'parent_id', mergedId))
    await j.update('localities', child, { parent_id: keptId });
  for (const side of ['a_id', 'b_id'] as const)
    for (const link of await j.rows('links', side, mergedId))
      await repointLink(db, j, link, keptId, mergedId);
  const fill = Object.fromEntries(
    (['wikidata_id', 'geonames_id', 'lat', 'lon', 'population', 'country'] as const)
      .filter((k) => kept[k] === null && merged[k] !== null)
      .map((k) => [k, merged[k]]),
  );
  // A feature code, a division and a count of other names belong to their GeoNames id: they come with the id, never
  // alone.
  if ('geonames_id' in fill) {
    fill.feature_code = merged.feature_code;
    fill.division = merged.division;
    fill.other_names = merged.other_names;
  }
  if (Object.keys(fill).length > 0) await j.update('localities', kept, fill);
  await j.delete('localities', merged);
  const row = await db
    .insertInto('locality_merges')
    .values({
      kept_id: keptId,
      merged_id: mergedId,
      snapshot: JSON.stringify(j.entries),
      reason,
      merged_by: who,
      merged_at: nowIso(),
      undone_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Undoes a recorded merge: the merged locality and everything that moved come back as they were. */
export async function unmergeLocalities(
  db: Kysely<DB>,
  mergeId: number,
): Promise<{ keptId: number; mergedId: number }> {
  const merge = await db
    .selectFrom('locality_merges')
    .selectAll()
    .where('id', '=', mergeId)
    .executeTakeFirst();
  if (!merge) throw new TwinningError('NotFound', `no merge has the id ${mergeId}`);
  if (merge.undone_at)
    throw new TwinningError('Conflict', `merge ${mergeId} was already undone at ${merge.undone_at}`);
  await undoJournal(db, JSON.parse(merge.snapshot) as JournalEntry[]);
  await db.updateTable('locality_merges').set({ undone_at: nowIso() }).where('id', '=', mergeId).execute();
  return { keptId: merge.kept_id, mergedId: merge.merged_id };
}
