import { Type } from '@sinclair/typebox';
import { LOCALITY_KINDS } from '../../core/locality.js';
import { LocalityListItem } from '../../registry/locality/list.js';
import { CountryCode, DateText, Key, NO_NUL, Page, StringEnum } from './common.js';

// The locality shapes the routes return and take are defined beside the registry operations that build and
// take them (registry/locality/view.ts, detail.ts, list.ts, write-shapes.ts); routes take them through here.
export { LocalityDetail } from '../../registry/locality/detail.js';
export { LocalityListItem } from '../../registry/locality/list.js';
export { LocalityView } from '../../registry/locality/view.js';
export {
  LocalityCreate,
  LocalityPatch,
  MergeBody,
  MergeResult,
} from '../../registry/locality/write-shapes.js';

/** A page of localities. */
export const LocalityPage = Page(LocalityListItem);

/** The query string of GET /localities: search text, filters, and a page. */
export const LocalityListQuery = (maxPage: number) =>
  Type.Object(
    {
      q: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          pattern: NO_NUL,
          description:
            'search as you type: the start of any word of any name, any language, case and accents ignored',
        }),
      ),
      country: Type.Optional(CountryCode),
      kind: Type.Optional(StringEnum(LOCALITY_KINDS)),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPage, default: Math.min(20, maxPage) })),
      cursor: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  );

export const KeyParams = Type.Object({ key: Key });

export const AsOfQuery = Type.Object({ asOf: Type.Optional(DateText) }, { additionalProperties: false });
