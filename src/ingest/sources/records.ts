import type { PartialDate } from '../../core/partial-date.js';

/** A place as one source writes it: a name, and whatever else the source gives. */
export interface SourcePlace {
  name: string;
  /** The country as the source writes it ("England, United Kingdom", "Réunion, France"). */
  country?: string;
  /** ISO 3166-1 alpha-2, when the source gives a code. */
  countryCode?: string;
  lat?: number;
  lon?: number;
  wikidataId?: string;
  /** BCP 47 tag of the name, when the source says; `und` otherwise. */
  lang?: string;
}

/** Where a record sits in its file. */
export interface RecordOrigin {
  file: string;
  line: number;
}

/** A source's claim that two places are twinned; directed when the subject lists the object. */
export interface StatementRecord extends RecordOrigin {
  kind: 'statement';
  subject: SourcePlace;
  object: SourcePlace;
  directed: boolean;
  /** When the twinning began (Wikidata P580). */
  start?: PartialDate;
  /** When it ended (Wikidata P582). */
  end?: PartialDate;
}

/** Facts about a place named elsewhere only by its Wikidata id (a label file, a node list). */
export interface PlaceRecord extends RecordOrigin {
  kind: 'place';
  place: SourcePlace & { wikidataId: string };
}

/** What every importer yields. */
export type ImportRecord = StatementRecord | PlaceRecord;

/** The formats `twinning import` understands. */
export const IMPORT_FORMATS = [
  'wikipedia-list',
  'wikidata-relations',
  'wikidata-nodes',
  'wikidata-sparql',
  'wikidata-dump',
  'csv',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const QID = /^Q[1-9]\d*$/;

/** True for a Wikidata item id such as Q64. */
export function isQid(text: string): boolean {
  return QID.test(text);
}

/** The Q-id at the end of a Wikidata entity URI (`http://www.wikidata.org/entity/Q64`), or the text itself. */
export function qidFromUri(text: string): string {
  const slash = text.lastIndexOf('/');
  return slash === -1 ? text : text.slice(slash + 1);
}
