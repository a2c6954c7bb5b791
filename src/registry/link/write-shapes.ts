import { Type, type Static } from '@sinclair/typebox';
import { LINK_KINDS, LINK_PURPOSES } from '../../core/link.js';
import { EVENT_TYPES } from '../../core/link-lifecycle.js';
import { DateText, Key, Nullable, Shared, StringEnum, Text } from '../../core/shapes.js';
import { Citations } from '../../core/source.js';

// What the link writers take, as a request gives it: dates as text, sides by locality key.

const Purposes = Type.Array(StringEnum(LINK_PURPOSES), { maxItems: 20, uniqueItems: true });

/** A lifecycle event as a request gives it: its date as text, the acting side as a, b, both or a third party. */
export const EventInput = Type.Object(
  {
    type: StringEnum(EVENT_TYPES),
    date: Type.Optional(DateText),
    actor: Type.Optional(StringEnum(['a', 'b', 'both', 'third_party'] as const)),
    actorName: Type.Optional(Text(500)),
    cause: Type.Optional(Text()),
    notes: Type.Optional(Text()),
    unverified: Type.Optional(Type.Boolean()),
    citations: Type.Optional(Citations),
  },
  { additionalProperties: false, $id: 'EventInput', title: 'EventInput' },
);
export type EventInput = Static<typeof EventInput>;

/** A new link between two localities (by key), with its events. */
export const LinkCreate = Type.Object(
  {
    a: Key,
    b: Key,
    kind: Type.Optional(StringEnum(LINK_KINDS)),
    purposes: Type.Optional(Purposes),
    exclusive: Type.Optional(Type.Boolean()),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Text()),
    citations: Type.Optional(Citations),
    events: Type.Optional(Type.Array(Shared(EventInput), { maxItems: 200 })),
  },
  { additionalProperties: false, title: 'LinkCreate' },
);
export type LinkCreate = Static<typeof LinkCreate>;

/** Changes to a link: absent fields stay, null clears. Its sides never change. */
export const LinkPatch = Type.Object(
  {
    kind: Type.Optional(Nullable(StringEnum(LINK_KINDS))),
    purposes: Type.Optional(Purposes),
    exclusive: Type.Optional(Type.Boolean()),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Nullable(Text())),
  },
  { additionalProperties: false, minProperties: 1, title: 'LinkPatch' },
);
export type LinkPatch = Static<typeof LinkPatch>;
