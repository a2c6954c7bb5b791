import type { Kysely, Selectable } from 'kysely';
import { movedBuffers } from './copies/moved-buffers.js';
import {
  buildSlots,
  StringTableBuilder,
  WordListBuilder,
  type StringTableData,
} from './copies/string-table.js';
import { linkRecords } from './link.repository.js';
import { statingSourceOf, type StatingSource } from './link-statement.repository.js';
import { localityNameOf, localityRecordOf } from './locality.repository.js';
import { packDate } from './packed-date.js';
import { columns, eachPage, groupRows, pick, turn } from './row-columns.js';
import type { DB } from './schema.js';

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
    /** The localities by key: slot → index + 1 (copies/string-table.ts, `buildSlots`). */
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

/** What the readers below share: the database, the string tables, and the rows' indexes by id. */
interface Reading {
  db: Kysely<DB>;
  strings: StringTableBuilder;
  words: WordListBuilder;
  /** Locality id → index. */
  localities: Map<number, number>;
  /** Link id → index. */
  links: Map<number, number>;
  /** Source id → index. */
  sources: Map<number, number>;
}

/** Every locality, in id order, without its lists. */
async function readLocalities(
  reading: Reading,
): Promise<Omit<LocalityModelData['localities'], `${string}Start` | 'linkList'>> {
  const { db, strings, words } = reading;
  const c = columns(
    ...(['id', 'key', 'kind', 'country', 'subdivision', 'parentId', 'lat', 'lon', 'population'] as const),
    ...(['populationYear', 'wikidataId', 'geonamesId', 'unverified', 'notes', 'version'] as const),
  );
  const keys: string[] = [];
  await eachPage(
    (after) => db.selectFrom('localities').selectAll().where('id', '>', after).orderBy('id'),
    (rows) => {
      for (const row of rows) {
        const r = localityRecordOf(row);
        reading.localities.set(r.id, c.id.length);
        keys.push(r.key);
        c.id.push(r.id);
        c.key.push(strings.add(r.key));
        c.kind.push(words.add(r.kind));
        c.country.push(words.addOptional(r.country));
        c.subdivision.push(words.addOptional(r.subdivision));
        c.parentId.push(r.parentId ?? NaN);
        c.lat.push(r.coordinates?.lat ?? NaN);
        c.lon.push(r.coordinates?.lon ?? NaN);
        c.population.push(r.population ?? NaN);
        c.populationYear.push(r.populationYear ?? NaN);
        c.wikidataId.push(strings.addOptional(r.wikidataId));
        c.geonamesId.push(r.geonamesId ?? NaN);
        c.unverified.push(r.unverified ? 1 : 0);
        c.notes.push(strings.addOptional(r.notes));
        c.version.push(r.version);
      }
    },
  );
  await turn();
  return {
    id: pick(Int32Array, c.id),
    key: pick(Int32Array, c.key),
    keySlots: buildSlots(keys),
    kind: pick(Int32Array, c.kind),
    country: pick(Int32Array, c.country),
    subdivision: pick(Int32Array, c.subdivision),
    parentId: pick(Float64Array, c.parentId),
    lat: pick(Float64Array, c.lat),
    lon: pick(Float64Array, c.lon),
    population: pick(Float64Array, c.population),
    populationYear: pick(Float64Array, c.populationYear),
    wikidataId: pick(Int32Array, c.wikidataId),
    geonamesId: pick(Float64Array, c.geonamesId),
    unverified: pick(Uint8Array, c.unverified),
    notes: pick(Int32Array, c.notes),
    version: pick(Float64Array, c.version),
  };
}

/** Every locality name, grouped by locality (in name id order within each). */
async function readNames(
  reading: Reading,
): Promise<{ nameStart: Uint32Array; names: LocalityModelData['names'] }> {
  const { db, strings, words, localities } = reading;
  const c = columns('owner', 'name', 'lang', 'validFrom', 'validTo', 'primary');
  await eachPage(
    (after) => db.selectFrom('locality_names').selectAll().where('id', '>', after).orderBy('id'),
    (rows) => {
      for (const row of rows) {
        const n = localityNameOf(row);
        c.owner.push(localities.get(row.locality_id) ?? -1);
        c.name.push(strings.add(n.name));
        c.lang.push(words.add(n.lang));
        c.validFrom.push(packDate(n.validFrom));
        c.validTo.push(packDate(n.validTo));
        c.primary.push(n.primary ? 1 : 0);
      }
    },
  );
  await turn();
  const { start, order } = groupRows(c.owner, localities.size);
  return {
    nameStart: start,
    names: {
      name: pick(Int32Array, c.name, order),
      lang: pick(Int32Array, c.lang, order),
      validFrom: pick(Int32Array, c.validFrom, order),
      validTo: pick(Int32Array, c.validTo, order),
      primary: pick(Uint8Array, c.primary, order),
    },
  };
}

/** Links a page at a time with their events, through `linkRecords`; each locality's links in link id order. */
async function readLinks(reading: Reading): Promise<{
  linkStart: Uint32Array;
  linkList: Uint32Array;
  links: Omit<LocalityModelData['links'], 'statingStart'>;
  events: LocalityModelData['events'];
}> {
  const { db, strings, words, localities } = reading;
  const eventsOf = new Map<number, Selectable<DB['link_events']>[]>();
  await eachPage(
    (after) => db.selectFrom('link_events').selectAll().where('id', '>', after).orderBy('id'),
    (rows) => {
      for (const e of rows) {
        const list = eventsOf.get(e.link_id);
        if (list) list.push(e);
        else eventsOf.set(e.link_id, [e]);
      }
    },
  );
  const c = columns('id', 'aId', 'bId', 'kind', 'purposes', 'flags', 'notes', 'version');
  const e = columns('owner', 'id', 'type', 'date', 'actor', 'actorName', 'cause', 'notes', 'unverified');
  const ends: number[] = []; // each link's two ends as locality indexes, a then b
  await eachPage(
    (after) => db.selectFrom('links').selectAll().where('id', '>', after).orderBy('id'),
    (rows) => {
      for (const link of linkRecords(
        rows,
        rows.flatMap((r) => eventsOf.get(r.id) ?? []),
      ).values()) {
        const i = c.id.length;
        reading.links.set(link.id, i);
        c.id.push(link.id);
        c.aId.push(link.aId);
        c.bId.push(link.bId);
        c.kind.push(words.addOptional(link.kind));
        c.purposes.push(words.add(JSON.stringify(link.purposes)));
        c.flags.push((link.exclusive ? 1 : 0) | (link.unverified ? 2 : 0));
        c.notes.push(strings.addOptional(link.notes));
        c.version.push(link.version);
        ends.push(localities.get(link.aId) ?? -1, localities.get(link.bId) ?? -1);
        for (const event of link.events) {
          e.owner.push(i);
          e.id.push(event.id);
          e.type.push(words.add(event.type));
          e.date.push(packDate(event.date));
          e.actor.push(words.addOptional(event.actor));
          e.actorName.push(strings.addShared(event.actorName));
          e.cause.push(strings.addShared(event.cause));
          e.notes.push(strings.addShared(event.notes));
          e.unverified.push(event.unverified ? 1 : 0);
        }
      }
    },
  );
  await turn();
  const byLocality = groupRows(ends, localities.size);
  const byLink = groupRows(e.owner, c.id.length);
  return {
    linkStart: byLocality.start,
    linkList: Uint32Array.from(byLocality.order, (end) => end >> 1),
    links: {
      id: pick(Int32Array, c.id),
      aId: pick(Int32Array, c.aId),
      bId: pick(Int32Array, c.bId),
      kind: pick(Int32Array, c.kind),
      purposes: pick(Int32Array, c.purposes),
      flags: pick(Uint8Array, c.flags),
      notes: pick(Int32Array, c.notes),
      version: pick(Float64Array, c.version),
      eventStart: byLink.start,
    },
    events: {
      id: pick(Int32Array, e.id, byLink.order),
      type: pick(Int32Array, e.type, byLink.order),
      date: pick(Int32Array, e.date, byLink.order),
      actor: pick(Int32Array, e.actor, byLink.order),
      actorName: pick(Int32Array, e.actorName, byLink.order),
      cause: pick(Int32Array, e.cause, byLink.order),
      notes: pick(Int32Array, e.notes, byLink.order),
      unverified: pick(Uint8Array, e.unverified, byLink.order),
    },
  };
}

/** Every source's key, title, address and retrieval date (the few that stating rows and citations point to). */
async function readSources(reading: Reading): Promise<LocalityModelData['sources']> {
  const c = columns('key', 'title', 'url', 'retrieved');
  const rows = await reading.db
    .selectFrom('sources')
    .select(['id', 'key', 'title', 'url', 'retrieved'])
    .orderBy('id')
    .execute();
  for (const s of rows) {
    reading.sources.set(s.id, c.key.length);
    c.key.push(reading.words.add(s.key));
    c.title.push(reading.words.add(s.title));
    c.url.push(reading.words.addOptional(s.url));
    c.retrieved.push(reading.words.addOptional(s.retrieved));
  }
  return {
    key: pick(Int32Array, c.key),
    title: pick(Int32Array, c.title),
    url: pick(Int32Array, c.url),
    retrieved: pick(Int32Array, c.retrieved),
  };
}

/**
 * Rows that point to a source (stating rows, citations), a page at a time: a row whose source was not read is left
 * out (as the inner join to sources leaves it out); `each` gets every other row; the rows come back grouped by
 * owner (`owner` gives a row's owner index, -1 for none, of `groups`) with each one's source index, in that order.
 */
async function readSourced<Row extends { id: number; source_id: number }>(
  reading: Reading,
  page: Parameters<typeof eachPage<Row>>[0],
  owner: (row: Row) => number,
  groups: number,
  each: (row: Row) => void,
): Promise<{ start: Uint32Array; order: Uint32Array; source: Int32Array }> {
  const c = columns('owner', 'source');
  await eachPage(page, (rows) => {
    for (const r of rows) {
      const source = reading.sources.get(r.source_id);
      if (source === undefined) continue;
      c.owner.push(owner(r));
      c.source.push(source);
      each(r);
    }
  });
  const { start, order } = groupRows(c.owner, groups);
  return { start, order, source: pick(Int32Array, c.source, order) };
}

/** The sources that state each link (link_sources, in id order), through `statingSourceOf`. */
async function readStating(
  reading: Reading,
): Promise<{ statingStart: Uint32Array; stating: LocalityModelData['stating'] }> {
  const c = columns('firstLine', 'listedBy');
  const { start, order, source } = await readSourced(
    reading,
    (after) =>
      reading.db
        .selectFrom('link_sources as ls')
        .select(['ls.id', 'ls.link_id', 'ls.source_id', 'ls.first_line'])
        .select(['ls.a_lists_b', 'ls.b_lists_a', 'ls.undirected'])
        .where('ls.id', '>', after)
        .orderBy('ls.id'),
    (r) => reading.links.get(r.link_id) ?? -1,
    reading.links.size,
    (r) => {
      const s = statingSourceOf({ key: '', title: '', url: null, retrieved: null, ...r });
      c.firstLine.push(s.firstLine ?? NaN);
      c.listedBy.push(LISTED_BY.indexOf(s.listedBy));
    },
  );
  return {
    statingStart: start,
    stating: {
      source,
      firstLine: pick(Float64Array, c.firstLine, order),
      listedBy: pick(Uint8Array, c.listedBy, order),
    },
  };
}

/** Every locality's citations, in citation id order. */
async function readCitations(
  reading: Reading,
): Promise<{ citationStart: Uint32Array; citations: LocalityModelData['citations'] }> {
  const locators: number[] = [];
  const { start, order, source } = await readSourced(
    reading,
    (after) =>
      reading.db
        .selectFrom('citations')
        .select(['id', 'entity_id', 'source_id', 'locator'])
        .where('entity_type', '=', 'locality')
        .where('id', '>', after)
        .orderBy('id'),
    (r) => reading.localities.get(r.entity_id) ?? -1,
    reading.localities.size,
    (r) => locators.push(reading.strings.addShared(r.locator)),
  );
  return { citationStart: start, citations: { source, locator: pick(Int32Array, locators, order) } };
}

/**
 * Reads every locality with its names, every link with its events and stating sources, and every locality
 * citation, a page at a time through the repositories' own row functions, into the compact form; with the
 * buffers to transfer when it is sent to another thread. The event loop gets a turn between pages.
 */
export async function readLocalityModelData(
  db: Kysely<DB>,
): Promise<{ data: LocalityModelData; transfer: ArrayBuffer[] }> {
  const reading: Reading = {
    db,
    strings: new StringTableBuilder(),
    words: new WordListBuilder(),
    localities: new Map(),
    links: new Map(),
    sources: new Map(),
  };
  const localities = await readLocalities(reading);
  const { nameStart, names } = await readNames(reading);
  const { linkStart, linkList, links, events } = await readLinks(reading);
  const sources = await readSources(reading);
  const { statingStart, stating } = await readStating(reading);
  const { citationStart, citations } = await readCitations(reading);
  await turn();
  const data: LocalityModelData = {
    strings: reading.strings.build(),
    words: reading.words.list(),
    localities: { ...localities, nameStart, linkStart, linkList, citationStart },
    names,
    links: { ...links, statingStart },
    events,
    stating,
    citations,
    sources,
  };
  return { data, transfer: movedBuffers(data) };
}
