import { Type, type Static } from '@sinclair/typebox';
import { NO_NUL, NullableString, Text } from './shapes.js';

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

/** A fact's pointer to a source, with where in the source it is said (as a request gives it, too). */
export const Citation = Type.Object(
  {
    sourceKey: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL }),
    /** A section, page or line of the source ("Termination"). */
    locator: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type Citation = Static<typeof Citation>;

/** The citations of one fact in a request. */
export const Citations = Type.Array(Citation, { maxItems: 100 });

/** A citation as read back: the source's own title and address with the locator. */
export const CitationView = Type.Object({
  sourceKey: Type.String(),
  title: Type.String(),
  url: NullableString,
  locator: NullableString,
});
export type CitationView = Static<typeof CitationView>;
