import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { CitationView } from '../core/source.js';
import { linkRecords, type LinkRecord } from './link.repository.js';
import { STATING_COLUMNS, statingSourceOf, type StatingSource } from './link-statement.repository.js';
import { localityNameOf, localityRecordOf, type LocalityRecord } from './locality.repository.js';
import type { DB } from './schema.js';

/** Rows read a query at a time while loading, so that no read holds the event loop long. */
const PAGE = 20_000;

/** Reads every row of a query ordered by id, a page of PAGE rows at a time, each page after the last row's `id`. */
async function readAll<Row extends { id: number }>(
  page: (after: number) => SelectQueryBuilder<DB, never, Row>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let after = 0; ;) {
    const read = await page(after).limit(PAGE).execute();
    for (const r of read) rows.push(r);
    if (read.length < PAGE) return rows;
    after = read.at(-1)!.id;
  }
}

/**
 * What a locality's detail reads (the locality and its names, its links with their events, the sources that
 * state each link, the locality's citations, its parent and its partners), copied into memory: every
 * locality, link, stating source and locality citation, built from the rows by the same functions the
 * repositories use and kept in the same orders (names, links, events, statements and citations by id), so
 * that what it answers is what the repositories would read. It is a copy: its owner must drop it when the
 * data changes (api/live-copy.ts).
 */
export class LocalityMemoryModel {
  private constructor(
    private readonly ids: Map<string, number>,
    private readonly localities: Map<number, LocalityRecord>,
    private readonly links: Map<number, LinkRecord[]>,
    private readonly stating: Map<number, StatingSource[]>,
    private readonly citations: Map<number, CitationView[]>,
  ) {}

  /** How many localities it holds. */
  get size(): number {
    return this.localities.size;
  }

  /** Reads every locality with its names, every link with its events and sources, every locality citation. */
  static async load(db: Kysely<DB>): Promise<LocalityMemoryModel> {
    const localities = new Map<number, LocalityRecord>();
    const ids = new Map<string, number>();
    for (const r of await readAll((after) =>
      db.selectFrom('localities').selectAll().where('id', '>', after).orderBy('id'),
    )) {
      localities.set(r.id, localityRecordOf(r));
      ids.set(r.key, r.id);
    }
    for (const n of await readAll((after) =>
      db.selectFrom('locality_names').selectAll().where('id', '>', after).orderBy('id'),
    )) {
      localities.get(n.locality_id)?.names.push(localityNameOf(n));
    }
    const linkRows = await readAll((after) =>
      db.selectFrom('links').selectAll().where('id', '>', after).orderBy('id'),
    );
    const eventRows = await readAll((after) =>
      db.selectFrom('link_events').selectAll().where('id', '>', after).orderBy('id'),
    );
    const links = new Map<number, LinkRecord[]>();
    for (const link of linkRecords(linkRows, eventRows).values()) {
      for (const end of [link.aId, link.bId]) {
        const list = links.get(end);
        if (list) list.push(link);
        else links.set(end, [link]);
      }
    }
    const stating = new Map<number, StatingSource[]>();
    for (const r of await readAll((after) =>
      db
        .selectFrom('link_sources as ls')
        .innerJoin('sources as s', 's.id', 'ls.source_id')
        .select(['ls.id', ...STATING_COLUMNS])
        .where('ls.id', '>', after)
        .orderBy('ls.id'),
    )) {
      const list = stating.get(r.link_id);
      if (list) list.push(statingSourceOf(r));
      else stating.set(r.link_id, [statingSourceOf(r)]);
    }
    const citations = new Map<number, CitationView[]>();
    for (const r of await readAll((after) =>
      db
        .selectFrom('citations')
        .innerJoin('sources', 'sources.id', 'citations.source_id')
        .select(['citations.id', 'citations.entity_id', 'sources.key', 'sources.title', 'sources.url'])
        .select('citations.locator')
        .where('citations.entity_type', '=', 'locality')
        .where('citations.id', '>', after)
        .orderBy('citations.id'),
    )) {
      const view = { sourceKey: r.key, title: r.title, url: r.url, locator: r.locator };
      const list = citations.get(r.entity_id);
      if (list) list.push(view);
      else citations.set(r.entity_id, [view]);
    }
    return new LocalityMemoryModel(ids, localities, links, stating, citations);
  }

  /** The id of the locality with this key, as `localityIdsByKey` finds it. */
  idOfKey(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** A locality with its names, as `localitiesById` reads it. */
  locality(id: number): LocalityRecord | undefined {
    return this.localities.get(id);
  }

  /** Every locality by id (a read-only view of the copy). */
  get byId(): ReadonlyMap<number, LocalityRecord> {
    return this.localities;
  }

  /** The links a locality is party to, in id order, with their events, as `linksOfLocality` reads them. */
  linksOf(id: number): readonly LinkRecord[] {
    return this.links.get(id) ?? [];
  }

  /** The sources that state each link, as `statingSourcesOf` reads them (a read-only view of the copy). */
  get statingByLink(): ReadonlyMap<number, readonly StatingSource[]> {
    return this.stating;
  }

  /** A locality's citations, as `citationsFor(db, 'locality', [id])` reads them. */
  citationsOf(id: number): readonly CitationView[] {
    return this.citations.get(id) ?? [];
  }
}
