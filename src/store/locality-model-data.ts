import type { Kysely, SelectQueryBuilder } from 'kysely';
import { linkRecords } from './link.repository.js';
import { statingSourceOf, type StatingSource } from './link-statement.repository.js';
import { localityNameOf, localityRecordOf } from './locality.repository.js';
import { packDate } from './packed-date.js';
import type { DB } from './schema.js';
import { buildSlots, StringTableBuilder, WordListBuilder, type StringTableData } from './string-table.js';

/**
 * What the locality-detail copy holds (locality-memory-model.ts), in a form with no object per row: a column
 * (typed array) per field, strings as numbers into two tables, dates packed (packed-date.ts), each list (a
 * locality's names, links and citations, a link's events and stating sources) as a run of rows from
 * `…Start[i]` to `…Start[i + 1]`. Rows are in the repositories' orders (by id within each list). It crosses
 * between threads by structured clone, its typed arrays' buffers transferred. A number -1 means no string
 * (null or absent); NaN means no number.
 */
export interface LocalityModelData {
  /** Strings of which there are many and most are distinct: names, keys, notes, locators, actors, causes. */
  strings: StringTableData;
  /** The few strings repeated across many rows: kinds, languages, codes, purposes, the sources' fields. */
  words: string[];
  /** Localities in id order. */
  localities: {
    id: Int32Array;
    /** Into `strings`. */
    key: Int32Array;
    /** The localities by key: slot → index + 1 (string-table.ts, `buildSlots`). */
    keySlots: Int32Array;
    /** Into `words`. */
    kind: Int32Array;
    country: Int32Array;
    subdivision: Int32Array;
    parentId: Float64Array;
    /** NaN when either is null (no coordinates). */
    lat: Float64Array;
    lon: Float64Array;
    population: Float64Array;
    populationYear: Float64Array;
    /** Into `strings`. */
    wikidataId: Int32Array;
    geonamesId: Float64Array;
    unverified: Uint8Array;
    /** Into `strings`. */
    notes: Int32Array;
    version: Float64Array;
    /** A locality's names are `names` rows nameStart[i] to nameStart[i + 1]; likewise links and citations. */
    nameStart: Uint32Array;
    linkStart: Uint32Array;
    /** The index (into `links`) of each locality's links, in link id order. */
    linkList: Uint32Array;
    citationStart: Uint32Array;
  };
  names: {
    /** Into `strings`. */
    name: Int32Array;
    /** Into `words`. */
    lang: Int32Array;
    validFrom: Int32Array;
    validTo: Int32Array;
    primary: Uint8Array;
  };
  /** Links in id order. */
  links: {
    id: Int32Array;
    aId: Int32Array;
    bId: Int32Array;
    /** Into `words`: the kind, and the purposes as JSON. */
    kind: Int32Array;
    purposes: Int32Array;
    /** Bit 0 exclusive, bit 1 unverified. */
    flags: Uint8Array;
    /** Into `strings`. */
    notes: Int32Array;
    version: Float64Array;
    eventStart: Uint32Array;
    statingStart: Uint32Array;
  };
  events: {
    id: Int32Array;
    /** Into `words`. */
    type: Int32Array;
    date: Int32Array;
    /** Into `words`. */
    actor: Int32Array;
    /** Into `strings`. */
    actorName: Int32Array;
    cause: Int32Array;
    notes: Int32Array;
    unverified: Uint8Array;
  };
  /** The sources that state each link: the source (into `sources`), its first line, who lists whom. */
  stating: { source: Int32Array; firstLine: Float64Array; listedBy: Uint8Array };
  /** Locality citations: the source (into `sources`) and the locator (into `strings`). */
  citations: { source: Int32Array; locator: Int32Array };
  /** The sources stating rows and citations point to; each field into `words`. */
  sources: { key: Int32Array; title: Int32Array; url: Int32Array; retrieved: Int32Array };
}

/** `listedBy` as a number in `stating.listedBy`, and back. */
export const LISTED_BY: readonly StatingSource['listedBy'][] = ['both', 'a', 'b'];

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

/** Where each group's rows start in `order`, and the rows grouped by owner (each group in read order); -1 owns nothing. */
function groupRows(owners: readonly number[], groups: number): { start: Uint32Array; order: Uint32Array } {
  const start = new Uint32Array(groups + 1);
  for (const owner of owners) if (owner >= 0) start[owner + 1] = start[owner + 1]! + 1;
  for (let g = 0; g < groups; g++) start[g + 1] = start[g + 1]! + start[g]!;
  const next = start.slice(0, groups);
  const order = new Uint32Array(start[groups]!);
  owners.forEach((owner, row) => {
    if (owner >= 0) order[next[owner]!] = row;
    if (owner >= 0) next[owner] = next[owner]! + 1;
  });
  return { start, order };
}

/** A typed-array constructor from numbers. */
type Column<T> = { from(values: ArrayLike<number>): T };

/** The values of the rows `order` lists, in that order, as a typed array. */
function pick<T>(type: Column<T>, values: readonly number[], order: Uint32Array): T {
  return type.from(Array.from(order, (row) => values[row]!));
}

/** Every ArrayBuffer under the data's typed arrays, once each (a transfer list must not repeat one). */
function buffersOf(data: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.values(value).forEach(visit);
  };
  visit(data);
  return [...buffers];
}

/**
 * Reads every locality with its names, every link with its events and stating sources, and every locality
 * citation, a page at a time through the repositories' own row functions, into the compact form; with the
 * buffers to transfer when it is sent to another thread.
 */
export async function readLocalityModelData(
  db: Kysely<DB>,
): Promise<{ data: LocalityModelData; transfer: ArrayBuffer[] }> {
  const strings = new StringTableBuilder();
  const words = new WordListBuilder();
  const index = new Map<number, number>(); // locality id → index
  const loc = {
    id: [] as number[],
    key: [] as number[],
    keys: [] as string[],
    kind: [] as number[],
    country: [] as number[],
    subdivision: [] as number[],
    parentId: [] as number[],
    lat: [] as number[],
    lon: [] as number[],
    population: [] as number[],
    populationYear: [] as number[],
    wikidataId: [] as number[],
    geonamesId: [] as number[],
    unverified: [] as number[],
    notes: [] as number[],
    version: [] as number[],
  };
  for (const row of await readAll((after) =>
    db.selectFrom('localities').selectAll().where('id', '>', after).orderBy('id'),
  )) {
    const r = localityRecordOf(row);
    index.set(r.id, loc.id.length);
    loc.id.push(r.id);
    loc.key.push(strings.add(r.key));
    loc.keys.push(r.key);
    loc.kind.push(words.add(r.kind));
    loc.country.push(words.addOptional(r.country));
    loc.subdivision.push(words.addOptional(r.subdivision));
    loc.parentId.push(r.parentId ?? NaN);
    loc.lat.push(r.coordinates?.lat ?? NaN);
    loc.lon.push(r.coordinates?.lon ?? NaN);
    loc.population.push(r.population ?? NaN);
    loc.populationYear.push(r.populationYear ?? NaN);
    loc.wikidataId.push(strings.addOptional(r.wikidataId));
    loc.geonamesId.push(r.geonamesId ?? NaN);
    loc.unverified.push(r.unverified ? 1 : 0);
    loc.notes.push(strings.addOptional(r.notes));
    loc.version.push(r.version);
  }
  const count = loc.id.length;
  const indexOf = (id: number): number => index.get(id) ?? -1;

  const names = {
    owner: [] as number[],
    name: [] as number[],
    lang: [] as number[],
    validFrom: [] as number[],
    validTo: [] as number[],
    primary: [] as number[],
  };
  for (const row of await readAll((after) =>
    db.selectFrom('locality_names').selectAll().where('id', '>', after).orderBy('id'),
  )) {
    const n = localityNameOf(row);
    names.owner.push(indexOf(row.locality_id));
    names.name.push(strings.add(n.name));
    names.lang.push(words.add(n.lang));
    names.validFrom.push(packDate(n.validFrom));
    names.validTo.push(packDate(n.validTo));
    names.primary.push(n.primary ? 1 : 0);
  }
  const byLocality = groupRows(names.owner, count);

  const linkRows = await readAll((after) =>
    db.selectFrom('links').selectAll().where('id', '>', after).orderBy('id'),
  );
  const eventRows = await readAll((after) =>
    db.selectFrom('link_events').selectAll().where('id', '>', after).orderBy('id'),
  );
  const links = {
    id: [] as number[],
    aId: [] as number[],
    bId: [] as number[],
    kind: [] as number[],
    purposes: [] as number[],
    flags: [] as number[],
    notes: [] as number[],
    version: [] as number[],
  };
  const events = {
    owner: [] as number[],
    id: [] as number[],
    type: [] as number[],
    date: [] as number[],
    actor: [] as number[],
    actorName: [] as number[],
    cause: [] as number[],
    notes: [] as number[],
    unverified: [] as number[],
  };
  const ends: number[] = []; // each link's two ends as locality indexes, a then b
  const linkIndex = new Map<number, number>();
  for (const link of linkRecords(linkRows, eventRows).values()) {
    const i = links.id.length;
    linkIndex.set(link.id, i);
    links.id.push(link.id);
    links.aId.push(link.aId);
    links.bId.push(link.bId);
    links.kind.push(words.addOptional(link.kind));
    links.purposes.push(words.add(JSON.stringify(link.purposes)));
    links.flags.push((link.exclusive ? 1 : 0) | (link.unverified ? 2 : 0));
    links.notes.push(strings.addOptional(link.notes));
    links.version.push(link.version);
    ends.push(indexOf(link.aId), indexOf(link.bId));
    for (const e of link.events) {
      events.owner.push(i);
      events.id.push(e.id);
      events.type.push(words.add(e.type));
      events.date.push(packDate(e.date));
      events.actor.push(words.addOptional(e.actor));
      events.actorName.push(strings.addShared(e.actorName));
      events.cause.push(strings.addShared(e.cause));
      events.notes.push(strings.addShared(e.notes));
      events.unverified.push(e.unverified ? 1 : 0);
    }
  }
  const linkCount = links.id.length;
  const linksByLocality = groupRows(ends, count);
  const byLink = groupRows(events.owner, linkCount);

  const sourceIndex = new Map<number, number>();
  const sources = {
    key: [] as number[],
    title: [] as number[],
    url: [] as number[],
    retrieved: [] as number[],
  };
  for (const s of await db
    .selectFrom('sources')
    .select(['id', 'key', 'title', 'url', 'retrieved'])
    .orderBy('id')
    .execute()) {
    sourceIndex.set(s.id, sources.key.length);
    sources.key.push(words.add(s.key));
    sources.title.push(words.add(s.title));
    sources.url.push(words.addOptional(s.url));
    sources.retrieved.push(words.addOptional(s.retrieved));
  }
  const stating = {
    owner: [] as number[],
    source: [] as number[],
    firstLine: [] as number[],
    listedBy: [] as number[],
  };
  for (const r of await readAll((after) =>
    db
      .selectFrom('link_sources as ls')
      .select([
        'ls.id',
        'ls.link_id',
        'ls.source_id',
        'ls.first_line',
        'ls.a_lists_b',
        'ls.b_lists_a',
        'ls.undirected',
      ])
      .where('ls.id', '>', after)
      .orderBy('ls.id'),
  )) {
    const source = sourceIndex.get(r.source_id);
    if (source === undefined) continue; // as the inner join to sources leaves it out
    const s = statingSourceOf({ key: '', title: '', url: null, retrieved: null, ...r });
    stating.owner.push(linkIndex.get(r.link_id) ?? -1);
    stating.source.push(source);
    stating.firstLine.push(s.firstLine ?? NaN);
    stating.listedBy.push(LISTED_BY.indexOf(s.listedBy));
  }
  const statingByLink = groupRows(stating.owner, linkCount);

  const citations = { owner: [] as number[], source: [] as number[], locator: [] as number[] };
  for (const r of await readAll((after) =>
    db
      .selectFrom('citations')
      .select(['id', 'entity_id', 'source_id', 'locator'])
      .where('entity_type', '=', 'locality')
      .where('id', '>', after)
      .orderBy('id'),
  )) {
    const source = sourceIndex.get(r.source_id);
    if (source === undefined) continue;
    citations.owner.push(indexOf(r.entity_id));
    citations.source.push(source);
    citations.locator.push(strings.addShared(r.locator));
  }
  const citationsByLocality = groupRows(citations.owner, count);

  const data: LocalityModelData = {
    strings: strings.build(),
    words: words.list(),
    localities: {
      id: Int32Array.from(loc.id),
      key: Int32Array.from(loc.key),
      keySlots: buildSlots(loc.keys),
      kind: Int32Array.from(loc.kind),
      country: Int32Array.from(loc.country),
      subdivision: Int32Array.from(loc.subdivision),
      parentId: Float64Array.from(loc.parentId),
      lat: Float64Array.from(loc.lat),
      lon: Float64Array.from(loc.lon),
      population: Float64Array.from(loc.population),
      populationYear: Float64Array.from(loc.populationYear),
      wikidataId: Int32Array.from(loc.wikidataId),
      geonamesId: Float64Array.from(loc.geonamesId),
      unverified: Uint8Array.from(loc.unverified),
      notes: Int32Array.from(loc.notes),
      version: Float64Array.from(loc.version),
      nameStart: byLocality.start,
      linkStart: linksByLocality.start,
      linkList: Uint32Array.from(linksByLocality.order, (end) => end >> 1),
      citationStart: citationsByLocality.start,
    },
    names: {
      name: pick(Int32Array, names.name, byLocality.order),
      lang: pick(Int32Array, names.lang, byLocality.order),
      validFrom: pick(Int32Array, names.validFrom, byLocality.order),
      validTo: pick(Int32Array, names.validTo, byLocality.order),
      primary: pick(Uint8Array, names.primary, byLocality.order),
    },
    links: {
      id: Int32Array.from(links.id),
      aId: Int32Array.from(links.aId),
      bId: Int32Array.from(links.bId),
      kind: Int32Array.from(links.kind),
      purposes: Int32Array.from(links.purposes),
      flags: Uint8Array.from(links.flags),
      notes: Int32Array.from(links.notes),
      version: Float64Array.from(links.version),
      eventStart: byLink.start,
      statingStart: statingByLink.start,
    },
    events: {
      id: pick(Int32Array, events.id, byLink.order),
      type: pick(Int32Array, events.type, byLink.order),
      date: pick(Int32Array, events.date, byLink.order),
      actor: pick(Int32Array, events.actor, byLink.order),
      actorName: pick(Int32Array, events.actorName, byLink.order),
      cause: pick(Int32Array, events.cause, byLink.order),
      notes: pick(Int32Array, events.notes, byLink.order),
      unverified: pick(Uint8Array, events.unverified, byLink.order),
    },
    stating: {
      source: pick(Int32Array, stating.source, statingByLink.order),
      firstLine: pick(Float64Array, stating.firstLine, statingByLink.order),
      listedBy: pick(Uint8Array, stating.listedBy, statingByLink.order),
    },
    citations: {
      source: pick(Int32Array, citations.source, citationsByLocality.order),
      locator: pick(Int32Array, citations.locator, citationsByLocality.order),
    },
    sources: {
      key: Int32Array.from(sources.key),
      title: Int32Array.from(sources.title),
      url: Int32Array.from(sources.url),
      retrieved: Int32Array.from(sources.retrieved),
    },
  };
  return { data, transfer: buffersOf(data) };
}
