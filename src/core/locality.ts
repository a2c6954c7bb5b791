import type { Citation } from './source.js';
import type { PartialDate } from './partial-date.js';

/** Every scope of place that twins, from village to country, and places that exist only in fiction. */
export const LOCALITY_KINDS = [
  'village',
  'town',
  'city',
  'municipality',
  'district',
  'county',
  'prefecture',
  'province',
  'state',
  'region',
  'country',
  'fictional',
  'virtual',
  'other',
] as const;
export type LocalityKind = (typeof LOCALITY_KINDS)[number];

/** One name of a place, in one language, valid for a period when it is historical. */
export interface LocalityName {
  name: string;
  /** BCP 47 language tag (`en`, `de`, `zh-Hans`); `und` when unknown. */
  lang: string;
  validFrom?: PartialDate;
  validTo?: PartialDate;
  /** The name the registry shows by default. */
  primary?: boolean;
}

export interface Coordinates {
  lat: number;
  lon: number;
}

/** A place that can be party to a twinning. */
export interface Locality {
  id?: number;
  /** Stable human key, unique in the registry (e.g. `coventry`). */
  key: string;
  kind: LocalityKind;
  /** ISO 3166-1 alpha-2, or a registry code for a historical or disputed state; absent for fictional places. */
  country?: string;
  /** ISO 3166-2 code of the first-level subdivision it lies in (`US-TX`), when known. */
  subdivision?: string;
  parentKey?: string;
  coordinates?: Coordinates;
  population?: number;
  populationYear?: number;
  wikidataId?: string;
  geonamesId?: number;
  names: LocalityName[];
  unverified?: boolean;
  notes?: string;
  citations: Citation[];
}
