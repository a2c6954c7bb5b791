import type { Generated } from 'kysely';

/** Tables of the registry, as Kysely sees them. Booleans are stored as 0/1 on every dialect. */
export interface DB {
  meta: MetaTable;
  sources: SourcesTable;
  citations: CitationsTable;
  localities: LocalitiesTable;
  locality_names: LocalityNamesTable;
  links: LinksTable;
  link_events: LinkEventsTable;
  associations: AssociationsTable;
  memberships: MembershipsTable;
  terms: TermsTable;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface SourcesTable {
  id: Generated<number>;
  key: string;
  title: string;
  url: string | null;
  dataset: string | null;
  publisher: string | null;
  retrieved: string | null;
}

/** What a citation is attached to. */
export type CitedEntity = 'locality' | 'link' | 'event' | 'association' | 'membership' | 'term';

export interface CitationsTable {
  id: Generated<number>;
  source_id: number;
  entity_type: CitedEntity;
  entity_id: number;
  locator: string | null;
}

export interface LocalitiesTable {
  id: Generated<number>;
  key: string;
  kind: string;
  country: string | null;
  parent_id: number | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  population_year: number | null;
  wikidata_id: string | null;
  geonames_id: number | null;
  unverified: number;
  notes: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LocalityNamesTable {
  id: Generated<number>;
  locality_id: number;
  name: string;
  /** The name folded for matching (lower case, no diacritics). */
  folded: string;
  lang: string;
  valid_from: string | null;
  valid_to: string | null;
  is_primary: number;
}

export interface LinksTable {
  id: Generated<number>;
  /** The lower locality id; sides are stored in id order so a pair has one row. */
  a_id: number;
  b_id: number;
  kind: string | null;
  /** JSON array of purposes. */
  purposes: string;
  exclusive: number;
  unverified: number;
  notes: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LinkEventsTable {
  id: Generated<number>;
  link_id: number;
  type: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  /** First day the date may mean, yyyymmdd, for range queries. */
  date_start: number | null;
  date_end: number | null;
  actor_side: string | null;
  actor_name: string | null;
  cause: string | null;
  notes: string | null;
  unverified: number;
  created_at: string;
}

export interface AssociationsTable {
  id: Generated<number>;
  key: string;
  name: string;
  kind: string;
  founded: string | null;
  country: string | null;
  notes: string | null;
}

export interface MembershipsTable {
  id: Generated<number>;
  association_id: number;
  locality_id: number;
  valid_from: string | null;
  valid_to: string | null;
  role: string | null;
}

export interface TermsTable {
  id: Generated<number>;
  term: string;
  lang: string;
  romanized: string | null;
  country: string | null;
  meaning: string;
  link_kind: string | null;
  notes: string | null;
}
