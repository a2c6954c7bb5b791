import type { Kysely } from 'kysely';
import type { LocalityKind } from '../core/locality.js';
import { nameEntryAt, type NameChoice } from '../core/locality-names.js';
import type { PartialDate } from '../core/partial-date.js';
import type { LinkKind, LinkPurpose } from '../core/link.js';
import type { ActorSide, EventType } from '../core/link-lifecycle.js';
import type { CitationView } from '../core/source.js';
import type { LinkFacts, LinkRecord } from './link.repository.js';
import type { StatingSource } from './link-statement.repository.js';
import { LISTED_BY, readLocalityModelData, type LocalityModelData } from './locality-model-data.js';
import type { LocalityRecord } from './locality.repository.js';
import { unpackDate } from './packed-date.js';
import type { DB } from './schema.js';
import { findInSlots, StringTable } from './copies/string-table.js';

/** A read-only lookup by key (a Map is one). */
export interface Lookup<K, V> {
  get(key: K): V | undefined;
}

/** The index of `id` in ids sorted ascending, or -1. */
function indexOfId(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A locality's identity and where it lies, with one name: what a list of places shows of it. */
export interface LocalityBrief extends Pick<
  LocalityRecord,
  'id' | 'key' | 'kind' | 'country' | 'subdivision'
> {
  name: string;
}

/** A number column's value, undefined for NaN (no value). */
const numberOrUndefined = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

/**
 * What a locality's detail reads (the locality and its names, its links with their events, the sources that
 * state each link, the locality's citations, its parent and its partners), copied into memory: every
 * locality, link, stating source and locality citation, read by the same functions the repositories use and
 * kept in the same orders (names, links, events, statements and citations by id), so that what it answers is
 * what the repositories would read. It holds them in the compact form of locality-model-data.ts (columns, no
 * object per row) and makes the records asked for on demand. It is a copy: its owner must drop it when the
 * data changes (api/live-copy.ts).
 */
export class LocalityMemoryModel {
  readonly #strings: StringTable;
  /** The purposes of each distinct JSON text, parsed once (each record gets its own array). */
  readonly #purposes = new Map<number, LinkPurpose[]>();

  private constructor(private readonly data: LocalityModelData) {
    this.#strings = new StringTable(data.strings);
  }

  /** Wraps data read by `readLocalityModelData` (here or in another thread); no work until it is asked. */
  static fromData(data: LocalityModelData): LocalityMemoryModel {
    return new LocalityMemoryModel(data);
  }

  /** Reads every locality with its names, every link with its events and sources, every locality citation. */
  static async load(db: Kysely<DB>): Promise<LocalityMemoryModel> {
    return LocalityMemoryModel.fromData((await readLocalityModelData(db)).data);
  }

  /** How many localities it holds. */
  get size(): number {
    return this.data.localities.id.length;
  }

  /** The id of the locality with this key, as `localityIdsByKey` finds it. */
  idOfKey(key: string): number | undefined {
    const { keySlots, key: keys, id } = this.data.localities;
    const i = findInSlots(keySlots, key, (at) => this.#strings.is(keys[at]!, key));
    return i < 0 ? undefined : id[i];
  }

  /** A locality with its names, as `localitiesById` reads it (a new record on each call). */
  locality(id: number): LocalityRecord | undefined {
    const i = indexOfId(this.data.localities.id, id);
    return i < 0 ? undefined : this.#locality(i);
  }

  /**
   * A locality's identity and the name it bore at `asOf` (the one `nameAt` chooses from its names; its main
   * name without a date), the other names left undecoded: what a partner is shown by.
   */
  briefAt(id: number, asOf: PartialDate | undefined): LocalityBrief | undefined {
    const i = indexOfId(this.data.localities.id, id);
    if (i < 0) return undefined;
    const { localities: l, names: n, words } = this.data;
    const start = l.nameStart[i]!;
    const end = l.nameStart[i + 1]!;
    let chosen = start;
    if (start === end || asOf !== undefined) {
      const choices: (NameChoice & { at: number })[] = [];
      for (let k = start; k < end; k++) {
        const validFrom = unpackDate(n.validFrom[k]!);
        const validTo = unpackDate(n.validTo[k]!);
        choices.push({ at: k, lang: words[n.lang[k]!]!, validFrom, validTo, primary: n.primary[k] === 1 });
      }
      chosen = nameEntryAt(choices, asOf).at;
    } else {
      for (let k = start; k < end; k++) {
        if (n.primary[k] === 1) {
          chosen = k;
          break;
        }
      }
    }
    return {
      id,
      key: this.#strings.get(l.key[i]!),
      kind: words[l.kind[i]!] as LocalityKind,
      country: this.#word(l.country[i]!),
      subdivision: this.#word(l.subdivision[i]!),
      name: this.#strings.get(n.name[chosen]!),
    };
  }

  /** The links a locality is party to, in id order, with their events, as `linksOfLocality` reads them. */
  linksOf(id: number): LinkRecord[] {
    const i = indexOfId(this.data.localities.id, id);
    if (i < 0) return [];
    const { linkStart, linkList } = this.data.localities;
    const links: LinkRecord[] = [];
    for (let k = linkStart[i]!; k < linkStart[i + 1]!; k++) links.push(this.#link(linkList[k]!));
    return links;
  }

  /**
   * The links a locality is party to as `linksOf` gives them, with only what its partner list reads (ends, kind,
   * exclusivity, each event's type, date and cause): less to make for every detail.
   */
  linkFactsOf(id: number): LinkFacts[] {
    const i = indexOfId(this.data.localities.id, id);
    if (i < 0) return [];
    const { localities, links: l, events: e, words } = this.data;
    const facts: LinkFacts[] = [];
    for (let k = localities.linkStart[i]!; k < localities.linkStart[i + 1]!; k++) {
      const j = localities.linkList[k]!;
      const events: LinkFacts['events'][number][] = [];
      for (let m = l.eventStart[j]!; m < l.eventStart[j + 1]!; m++) {
        const date = unpackDate(e.date[m]!);
        const cause = this.#strings.optional(e.cause[m]!);
        events.push({ type: words[e.type[m]!] as EventType, date, cause, citations: [] });
      }
      const kind = this.#word(l.kind[j]!) as LinkKind | undefined;
      facts.push({
        id: l.id[j]!,
        aId: l.aId[j]!,
        bId: l.bId[j]!,
        kind,
        exclusive: (l.flags[j]! & 1) !== 0,
        events,
      });
    }
    return facts;
  }

  /** When each source that states a link retrieved it, by link id (absent: none): what `knownBy` reads. */
  readonly retrievedByLink: Lookup<number, { retrieved: string | null }[]> = {
    get: (linkId) => {
      const { links, stating, sources } = this.data;
      const i = indexOfId(links.id, linkId);
      if (i < 0 || links.statingStart[i] === links.statingStart[i + 1]) return undefined;
      const list: { retrieved: string | null }[] = [];
      for (let k = links.statingStart[i]!; k < links.statingStart[i + 1]!; k++) {
        list.push({ retrieved: this.#word(sources.retrieved[stating.source[k]!]!) ?? null });
      }
      return list;
    },
  };

  /** The sources that state each link, by link id, as `statingSourcesOf` reads them (absent: none). */
  readonly statingByLink: Lookup<number, StatingSource[]> = { get: (linkId) => this.#statingOf(linkId) };

  /** A locality's citations, as `citationsFor(db, 'locality', [id])` reads them. */
  citationsOf(id: number): CitationView[] {
    const i = indexOfId(this.data.localities.id, id);
    if (i < 0) return [];
    const { citations, localities, sources, words } = this.data;
    const views: CitationView[] = [];
    for (let k = localities.citationStart[i]!; k < localities.citationStart[i + 1]!; k++) {
      const s = citations.source[k]!;
      views.push({
        sourceKey: words[sources.key[s]!]!,
        title: words[sources.title[s]!]!,
        url: this.#word(sources.url[s]!) ?? null,
        locator: this.#strings.nullable(citations.locator[k]!),
      });
    }
    return views;
  }

  /** Word number `n`, or undefined for -1. */
  #word(n: number): string | undefined {
    return n < 0 ? undefined : this.data.words[n];
  }

  /** The locality at index i, as `localityRecordOf` and `localityNameOf` make it. */
  #locality(i: number): LocalityRecord {
    const { localities: l, names: n } = this.data;
    const strings = this.#strings;
    const lat = l.lat[i]!;
    const parentId = l.parentId[i]!;
    const names: LocalityRecord['names'] = [];
    for (let k = l.nameStart[i]!; k < l.nameStart[i + 1]!; k++) {
      names.push({
        name: strings.get(n.name[k]!),
        lang: this.data.words[n.lang[k]!]!,
        validFrom: unpackDate(n.validFrom[k]!),
        validTo: unpackDate(n.validTo[k]!),
        primary: n.primary[k] === 1,
      });
    }
    return {
      id: l.id[i]!,
      key: strings.get(l.key[i]!),
      kind: this.data.words[l.kind[i]!] as LocalityKind,
      country: this.#word(l.country[i]!),
      subdivision: this.#word(l.subdivision[i]!),
      parentId: Number.isNaN(parentId) ? null : parentId,
      coordinates: Number.isNaN(lat) ? undefined : { lat, lon: l.lon[i]! },
      population: numberOrUndefined(l.population[i]!),
      populationYear: numberOrUndefined(l.populationYear[i]!),
      wikidataId: strings.optional(l.wikidataId[i]!),
      geonamesId: numberOrUndefined(l.geonamesId[i]!),
      unverified: l.unverified[i] === 1,
      notes: strings.optional(l.notes[i]!),
      version: l.version[i]!,
      names,
    };
  }

  /** The link at index i with its events, as `linkRecords` makes it. */
  #link(i: number): LinkRecord {
    const { links: l, events: e } = this.data;
    const strings = this.#strings;
    const events: LinkRecord['events'] = [];
    for (let k = l.eventStart[i]!; k < l.eventStart[i + 1]!; k++) {
      events.push({
        id: e.id[k]!,
        type: this.data.words[e.type[k]!] as EventType,
        date: unpackDate(e.date[k]!),
        actor: this.#word(e.actor[k]!) as ActorSide | undefined,
        actorName: strings.optional(e.actorName[k]!),
        cause: strings.optional(e.cause[k]!),
        notes: strings.optional(e.notes[k]!),
        unverified: e.unverified[k] === 1,
        citations: [],
      });
    }
    const flags = l.flags[i]!;
    return {
      id: l.id[i]!,
      aId: l.aId[i]!,
      bId: l.bId[i]!,
      kind: this.#word(l.kind[i]!) as LinkKind | undefined,
      purposes: [...this.#purposesOf(l.purposes[i]!)],
      exclusive: (flags & 1) !== 0,
      unverified: (flags & 2) !== 0,
      notes: strings.optional(l.notes[i]!),
      version: l.version[i]!,
      events,
    };
  }

  /** The purposes of word n (a JSON array), parsed once. */
  #purposesOf(n: number): readonly LinkPurpose[] {
    let purposes = this.#purposes.get(n);
    if (!purposes) this.#purposes.set(n, (purposes = JSON.parse(this.data.words[n]!) as LinkPurpose[]));
    return purposes;
  }

  /** The sources that state the link with this id, or undefined when none does (as the repository's map). */
  #statingOf(linkId: number): StatingSource[] | undefined {
    const { links, stating, sources, words } = this.data;
    const i = indexOfId(links.id, linkId);
    if (i < 0 || links.statingStart[i] === links.statingStart[i + 1]) return undefined;
    const list: StatingSource[] = [];
    for (let k = links.statingStart[i]!; k < links.statingStart[i + 1]!; k++) {
      const s = stating.source[k]!;
      const firstLine = stating.firstLine[k]!;
      list.push({
        sourceKey: words[sources.key[s]!]!,
        title: words[sources.title[s]!]!,
        url: this.#word(sources.url[s]!) ?? null,
        retrieved: this.#word(sources.retrieved[s]!) ?? null,
        firstLine: Number.isNaN(firstLine) ? null : firstLine,
        listedBy: LISTED_BY[stating.listedBy[k]!]!,
      });
    }
    return list;
  }
}
