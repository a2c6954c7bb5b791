import type { NewLocalityRow } from '../../store/writes/import.js';
import type { LocalityKind } from '../../core/locality.js';
import type { PartialDate } from '../../core/partial-date.js';

/** The source an import records as stating its links. */
export interface ImportSource {
  key: string;
  title: string;
  url?: string;
  dataset?: string;
  publisher?: string;
  /** When the source was retrieved or published: a link it lists is known to stand then. */
  retrieved?: string;
}

/** How a source's place was matched: the method's name, how sure, and whether a person should look. */
export interface PlannedMatch {
  method: string;
  /** 0..1. */
  confidence: number;
  doubtful: boolean;
  distanceKm?: number;
}

/** A locality to create for a place no locality is yet; its key is chosen when the plan is applied. */
export type PlannedLocality = Omit<NewLocalityRow, 'key' | 'kind'> & {
  /** The name the key is made from (the first of `names`). */
  keyName: string;
  kind: LocalityKind;
};

/**
 * Where a place goes: a locality the matcher already knows (`locality`), a gazetteer place (`geonames`,
 * shared with every locality and source matched to it), or another shared identity (`shared`: a
 * subdivision, a supplement point, a seat, a place within another, an unresolved place of this source).
 */
export type PlaceTarget =
  | { kind: 'locality'; localityId: number; matchedRef: string | null }
  | {
      kind: 'geonames';
      ref: string;
      geonamesId: number;
      /** A locality with neither a GeoNames nor a Wikidata id named so in this country may adopt the match. */
      adopt: AdoptBy;
      /** The locality to create when no locality has this reference yet. */
      create: PlannedLocality;
    }
  | { kind: 'shared'; ref: string; adopt?: AdoptBy; create: PlannedLocality };

/**
 * Who may adopt a match: a locality no source has matched yet (the bundled dataset's), named so in this
 * country, whose kind is of the same scope (a settlement for a town, a unit for a subdivision).
 */
export interface AdoptBy {
  country: string;
  folded: readonly string[];
  scope: 'settlement' | 'unit';
}

/** A place the source names for the first time, with its match and what to create if nothing is it yet. */
export interface PlannedPlace {
  /** The place's identity within the source: its Q-id, or its folded name and country. */
  key: string;
  name: string;
  countryText: string | null;
  lat: number | null;
  lon: number | null;
  wikidataId: string | null;
  match: PlannedMatch;
  target: PlaceTarget;
}

/** A statement between two places of the import, by place key, at a line of the file. */
export interface PlannedStatement {
  subject: string;
  object: string;
  directed: boolean;
  line: number;
  start?: PartialDate;
  end?: PartialDate;
}

/**
 * Everything one import will write, decided before any write: the source, the places it named before
 * (which keep their localities, so re-imports and fixes by hand stand), its new places with their matches,
 * and its statements. The registry applies it (applyImportPlan) in the caller's transaction.
 */
export interface ImportPlan {
  source: ImportSource;
  /** Places the source named in an earlier import, by place key: their locality. */
  known: ReadonlyMap<string, number>;
  /** Places named for the first time, in the order they were read. */
  places: readonly PlannedPlace[];
  statements: readonly PlannedStatement[];
}
