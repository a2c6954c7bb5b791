import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { ErrorCode } from '../../core/errors.js';
import { NullableString, Shared, StringAs } from '../../core/shapes.js';

// The value schemas (enums, nullables, keys, dates, text) are defined once in core/shapes.ts; routes and the
// schemas here take them from there or through these re-exports.
export {
  CountryCode,
  DateText,
  Key,
  NO_NUL,
  Nullable,
  NullableString,
  Shared,
  StringEnum,
  Text,
} from '../../core/shapes.js';

/** The body of every error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: StringAs<ErrorCode | 'Internal'>({
        description: 'a stable code: InvalidInput, Unauthorized, Forbidden, Conflict, …',
      }),
      message: Type.String(),
      field: Type.Optional(Type.String({ description: 'the offending field: names[0].name, query.asOf, …' })),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** Responses every route may give, by status. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Shared(ErrorBody)]));

/** The If-Match header of a write. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'the ETag read, e.g. W/"3"' })),
});

/** The page cursor and size of a list. */
export const pageQuery = (max: number) => ({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: Math.min(50, max) })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
});

/** A page of a list as the API gives it: the items and the cursor to the next page, null on the last. */
export const Page = <T extends TSchema>(item: T, options: { title?: string } = {}) =>
  Type.Object({ items: Type.Array(item), nextCursor: NullableString }, options);
