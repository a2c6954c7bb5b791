/** Where a fact comes from: an article, a web page, a data set, with the date it was read. */
export interface Source {
  id?: number;
  /** A stable short key, unique in the registry (e.g. `seed-sister-city`). */
  key: string;
  title: string;
  url?: string;
  dataset?: string;
  publisher?: string;
  /** When the source was read, YYYY-MM-DD. */
  retrieved?: string;
}

/** A fact's pointer to a source, with where in the source it is said. */
export interface Citation {
  sourceKey: string;
  /** A section, page or line of the source ("Termination"). */
  locator?: string;
}
