import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

// The building blocks of every shape the registry returns or takes. A shape is written once, as a TypeBox
// schema, and its TypeScript type is `Static<typeof Shape>`: the API validates, serialises and documents
// with the schema, and the code that builds or reads the value is checked against the same definition.

/** A string that is one of the values: one `enum`, which validates and serialises faster than unions. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * A plain string on the wire, typed as `T` in the code: for values the registry only ever writes from `T`
 * but does not promise to clients as an enum (a link's purposes as read back, an audit row's entity type).
 */
export function StringAs<T extends string>(options: { description?: string } = {}): TUnsafe<T> {
  return Type.Unsafe<T>(Type.String(options));
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

/** A reference to a schema shared by `$id` (the API adds it with addSchema), typed as the schema. */
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

/** The pattern of a BCP 47 language tag: `en`, `de`, `zh-Hans`. */
export const LANG_TAG_PATTERN = '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$';

/** Any text but NUL, which PostgreSQL cannot store: refused as input instead of failing in the database. */
export const NO_NUL = '^[^\\u0000]*$';

/** Free text from a person: any characters but NUL, bounded. */
export const Text = (maxLength = 10_000) => Type.String({ minLength: 1, maxLength, pattern: NO_NUL });

/** A point as read back: latitude and longitude in degrees. */
export const LatLon = Type.Object({ lat: Type.Number(), lon: Type.Number() });
