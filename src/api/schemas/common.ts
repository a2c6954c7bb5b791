import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

/** A string that is one of the values: one `enum`, which validates and serialises faster than unions. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** The schema or null, as a JSON Schema type array (`["string", "null"]`), as OpenAPI 3.1 writes it. */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { type, enum: values, ...rest } = schema as TSchema & { type?: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({
    ...rest,
    type: [type, 'null'],
    ...(values && { enum: [...values, null] }),
  });
}

/** A reference to a schema shared by `$id` (added to the app with addSchema), typed as the schema. */
export function Shared<T extends TSchema>(schema: T): TUnsafe<Static<T>> {
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id!));
}

/** A nullable string, the commonest field. */
export const NullableString = Nullable(Type.String());

/** A locality key: lower-case kebab. */
export const Key = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 120,
  description: 'locality key',
});

/** A date as YYYY, YYYY-MM or YYYY-MM-DD (years of one to four digits). */
export const DateText = Type.String({
  pattern: '^-?\\d{1,4}(-\\d{1,2}(-\\d{1,2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});

/** An ISO 3166-1 alpha-2 code (or a registry code for a historical state), any case. */
export const CountryCode = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' });

/** Any text but NUL, which PostgreSQL cannot store: refused as input instead of failing in the database. */
export const NO_NUL = '^[^\\u0000]*$';

/** Free text from a person: any characters but NUL, bounded. */
export const Text = (maxLength = 10_000) => Type.String({ minLength: 1, maxLength, pattern: NO_NUL });

/** The body of every error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'a stable code: InvalidInput, Unauthorized, Forbidden, Conflict, …' }),
      message: Type.String(),
      field: Type.Optional(Type.String({ description: 'the offending field: names[0].name, query.asOf, …' })),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** Responses every route may give, by status. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Shared(ErrorBody)]));

/** A citation as read back: the source and where in it. */
export const CitationView = Type.Object({
  sourceKey: Type.String(),
  title: Type.String(),
  url: NullableString,
  locator: NullableString,
});

/** A citation in a request. */
export const CitationInput = Type.Object(
  {
    sourceKey: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL }),
    locator: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

/** The If-Match header of a write. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'the ETag read, e.g. W/"3"' })),
});

/** The page cursor and size of a list. */
export const pageQuery = (max: number) => ({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: Math.min(50, max) })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
});
