import type { ColumnType, Generated } from 'kysely';

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
  gazetteer_places: GazetteerPlacesTable;
  gazetteer_names: GazetteerNamesTable;
  source_places: SourcePlacesTable;
  link_sources: LinkSourcesTable;
  locality_merges: LocalityMergesTable;
  locality_name_words: LocalityNameWordsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  analysis_cache: AnalysisCacheTable;
  web_sessions: WebSessionsTable;
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
  /** ISO 3166-2 first-level subdivision (`US-TX`), when known (migration 0005). */
  subdivision: ColumnType<string | null, string | null | undefined, string | null>;
  parent_id: number | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  population_year: number | null;
  wikidata_id: string | null;
  geonames_id: number | null;
  /** The GeoNames feature code of its gazetteer place (`PPLC`, `PPLA2`…), when known (migration 0010). */
  feature_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** Its gazetteer place's first-level division, country and GeoNames admin1 code (`FR.27`), when known (migration 0011). */
  division: ColumnType<string | null, string | null | undefined, string | null>;
  /** How many other names GeoNames gives its gazetteer place, when known (migration 0013). */
  other_names: ColumnType<number | null, number | null | undefined, number | null>;
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

/** A GeoNames place, loaded once by `twinning gazetteer load`. */
export interface GazetteerPlacesTable {
  geoname_id: number;
  name: string;
  lat: number;
  lon: number;
  feature_code: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
  timezone: string;
  /** How many other names (distinct alternate names) GeoNames gives the place; null in a gazetteer loaded before migration 0013. */
  other_names: number | null;
}

/** One lookup key of a gazetteer place's names (folded, and spelling-blind). */
export interface GazetteerNamesTable {
  geoname_id: number;
  key: string;
  skeleton: string;
  country: string;
  is_main: number;
}

/** A place as one source names it, and the locality it was matched to (how, how sure). */
export interface SourcePlacesTable {
  id: Generated<number>;
  source_id: number;
  /** The place's identity within the source: its Q-id, or its folded name and country. */
  place_key: string;
  name: string;
  country_text: string | null;
  lat: number | null;
  lon: number | null;
  wikidata_id: string | null;
  locality_id: number;
  method: string;
  confidence: number;
  doubtful: number;
  distance_km: number | null;
  /** What it matched: `geonames:3169070`, `subdivision:IT-78`, `country:FK`, or null. */
  matched_ref: string | null;
  /** Who fixed the match by hand, and when; null when the importer chose. */
  decided_by: string | null;
  decided_at: string | null;
}

/** A source stating a link, with which side lists which (a directed source's reciprocity). */
export interface LinkSourcesTable {
  id: Generated<number>;
  link_id: number;
  source_id: number;
  a_lists_b: number;
  b_lists_a: number;
  /** The source states the pair without direction (a list of pairs). */
  undirected: number;
  first_line: number | null;
  created_at: string;
}

/** Two localities found to be one place: which was kept, a snapshot to undo it, who and when. */
export interface LocalityMergesTable {
  id: Generated<number>;
  kept_id: number;
  merged_id: number;
  /** JSON: the merged locality's row and names, and the rows re-pointed to the kept one. */
  snapshot: string;
  reason: string;
  merged_by: string;
  merged_at: string;
  undone_at: string | null;
}

/** The search index of names: one row per word start of each folded name (migration 0003). */
export interface LocalityNameWordsTable {
  id: Generated<number>;
  name_id: number;
  /** The folded name from a word start to its end: `york city` for the second word of `new york city`. */
  word: string;
  /** The first one and two characters of `word`, for short texts. */
  head1: string;
  head2: string;
  /** 1 for the start of the whole name, 0 for a later word. */
  is_start: number;
  /** The locality's population (-1 when unknown), the ranking key within a rank. */
  population: number;
}

/** API tokens, stored as SHA-256 hashes; the token itself is shown once, when made (migration 0003). */
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: string;
  /** JSON array of scopes, e.g. `["country:DE","locality:coventry"]`. */
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

/** A signed-in editor's web session (migration 0007): the SHA-256 of its id, never the id itself. */
export interface WebSessionsTable {
  id: Generated<number>;
  /** SHA-256 of the session id (the cookie's value), hex. */
  id_hash: string;
  /** The API token the editor signed in with. */
  token_id: number;
  created_at: string;
  /** When the session ends, as an ISO 8601 UTC instant (compared as text: all are written alike). */
  expires_at: string;
}

/** One write to the registry: who, when, what, and the entity before and after (migration 0003). */
export interface AuditLogTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  entity_key: string | null;
  action: string;
  actor_token_id: number | null;
  actor_name: string;
  actor_role: string;
  at: string;
  /** The entity's version after the write; null when the write deleted it. */
  version: number | null;
  /** JSON snapshots; null before a creation and after a deletion. */
  before: string | null;
  after: string | null;
}

/** A network analysis result (JSON) for one query, valid while the data's version is unchanged. */
export interface AnalysisCacheTable {
  key: string;
  version: string;
  value: string;
  computed_at: string;
}
