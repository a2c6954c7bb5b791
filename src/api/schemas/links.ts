import { Type } from '@sinclair/typebox';
import { LINK_KINDS } from '../../core/link.js';
import { LINK_STATUSES } from '../../core/link-lifecycle.js';
import { LinkListItem } from '../../registry/link/query.js';
import { CountryCode, DateText, Key, NO_NUL, Page, StringEnum } from './common.js';

// The link shapes the routes return and take are defined beside the registry operations that build and
// take them (registry/link/query.ts, timeline.ts, write-shapes.ts); routes take them through this file.
export { LinkListItem } from '../../registry/link/query.js';
export { LinkTimeline } from '../../registry/link/timeline.js';
export { EventInput, LinkCreate, LinkPatch } from '../../registry/link/write-shapes.js';

/** The formats a link query can be exported as. */
export const LINK_FORMATS = ['json', 'csv', 'geojson', 'graphml'] as const;
export type LinkFormat = (typeof LINK_FORMATS)[number];

/** A page of links. */
export const LinkPage = Page(LinkListItem, { title: 'LinkPage' });

const Repeated = <T extends ReturnType<typeof StringEnum>>(item: T) =>
  Type.Array(item, { maxItems: 50, description: 'repeat the parameter for several values' });

/** The query string of GET /links: filters, the date of statuses, the format, and a page. */
export const LinkListQuery = (maxPage: number) =>
  Type.Object(
    {
      country: Type.Optional(
        Type.Array(CountryCode, { maxItems: 50, description: 'a side in any of these' }),
      ),
      between: Type.Optional(
        Type.String({
          pattern: '^[A-Za-z]{2},[A-Za-z]{2}$',
          description: 'a country pair, e.g. DE,FR: one side in each',
        }),
      ),
      locality: Type.Optional(Key),
      kind: Type.Optional(Repeated(StringEnum(LINK_KINDS))),
      status: Type.Optional(Repeated(StringEnum(LINK_STATUSES))),
      asOf: Type.Optional(DateText),
      formedFrom: Type.Optional(DateText),
      formedTo: Type.Optional(DateText),
      endedFrom: Type.Optional(DateText),
      endedTo: Type.Optional(DateText),
      source: Type.Optional(
        Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'a source key' }),
      ),
      format: Type.Optional(
        StringEnum(LINK_FORMATS, { description: 'json (paged) or an export of every match' }),
      ),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxPage, default: Math.min(50, maxPage) })),
      cursor: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  );

export const LinkIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
