import { Type } from '@sinclair/typebox';
import { LINK_KINDS, LINK_PURPOSES } from '../../core/link.js';
import { EVENT_TYPES, LINK_STATUSES } from '../../core/link-lifecycle.js';
import {
  CitationInput,
  CitationView,
  CountryCode,
  DateText,
  Key,
  NO_NUL,
  Nullable,
  NullableString,
  Shared,
  StringEnum,
  Text,
} from './common.js';
import { LocalitySummary } from './localities.js';

/** The formats a link query can be exported as. */
export const LINK_FORMATS = ['json', 'csv', 'geojson', 'graphml'] as const;
export type LinkFormat = (typeof LINK_FORMATS)[number];

const LinkEnd = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  country: NullableString,
  coordinates: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
});

/** A link in a list, with its status at the date asked. */
export const LinkListItem = Type.Object({
  id: Type.Integer(),
  a: LinkEnd,
  b: LinkEnd,
  kind: Nullable(StringEnum(LINK_KINDS)),
  purposes: Type.Array(Type.String()),
  exclusive: Type.Boolean(),
  unverified: Type.Boolean(),
  status: StringEnum(LINK_STATUSES),
  since: NullableString,
  formed: NullableString,
  ended: NullableString,
  sources: Type.Array(Type.String()),
  version: Type.Integer(),
});

export const LinkPage = Type.Object(
  { items: Type.Array(LinkListItem), nextCursor: NullableString },
  { title: 'LinkPage' },
);

const Repeated = <T extends ReturnType<typeof StringEnum>>(item: T) =>
  Type.Array(item, { maxItems: 50, description: 'repeat the parameter for several values' });

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

const TimelineEvent = Type.Object({
  id: Type.Integer(),
  type: StringEnum(EVENT_TYPES),
  date: NullableString,
  actor: NullableString,
  cause: NullableString,
  notes: NullableString,
  unverified: Type.Boolean(),
  sources: Type.Array(CitationView),
});

/** A link with its whole history and sources. */
export const LinkTimeline = Type.Object(
  {
    id: Type.Integer(),
    a: LocalitySummary,
    b: LocalitySummary,
    kind: Nullable(StringEnum(LINK_KINDS)),
    purposes: Type.Array(Type.String()),
    exclusive: Type.Boolean(),
    unverified: Type.Boolean(),
    notes: NullableString,
    status: StringEnum(LINK_STATUSES),
    since: NullableString,
    events: Type.Array(TimelineEvent),
    contradictions: Type.Array(Type.String()),
    sources: Type.Array(CitationView),
    version: Type.Integer(),
  },
  { $id: 'Link', title: 'Link' },
);

export const LinkIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** A lifecycle event in a request. */
export const EventInput = Type.Object(
  {
    type: StringEnum(EVENT_TYPES),
    date: Type.Optional(DateText),
    actor: Type.Optional(StringEnum(['a', 'b', 'both', 'third_party'] as const)),
    actorName: Type.Optional(Text(500)),
    cause: Type.Optional(Text()),
    notes: Type.Optional(Text()),
    unverified: Type.Optional(Type.Boolean()),
    citations: Type.Optional(Type.Array(CitationInput, { maxItems: 100 })),
  },
  { additionalProperties: false, $id: 'EventInput', title: 'EventInput' },
);

/** A new link between two localities (by key). */
export const LinkCreate = Type.Object(
  {
    a: Key,
    b: Key,
    kind: Type.Optional(StringEnum(LINK_KINDS)),
    purposes: Type.Optional(Type.Array(StringEnum(LINK_PURPOSES), { maxItems: 20, uniqueItems: true })),
    exclusive: Type.Optional(Type.Boolean()),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Text()),
    citations: Type.Optional(Type.Array(CitationInput, { maxItems: 100 })),
    events: Type.Optional(Type.Array(Shared(EventInput), { maxItems: 200 })),
  },
  { additionalProperties: false, title: 'LinkCreate' },
);

/** Changes to a link: absent fields stay, null clears. Its sides never change. */
export const LinkPatch = Type.Object(
  {
    kind: Type.Optional(Nullable(StringEnum(LINK_KINDS))),
    purposes: Type.Optional(Type.Array(StringEnum(LINK_PURPOSES), { maxItems: 20, uniqueItems: true })),
    exclusive: Type.Optional(Type.Boolean()),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Nullable(Text())),
  },
  { additionalProperties: false, minProperties: 1, title: 'LinkPatch' },
);
