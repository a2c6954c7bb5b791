import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { ASSOCIATION_KINDS } from '../../core/association.js';
import { LINK_KINDS, LINK_PURPOSES } from '../../core/link.js';
import { EVENT_TYPES } from '../../core/link-lifecycle.js';
import { LOCALITY_KINDS } from '../../core/locality.js';
import { Key, LANG_TAG_PATTERN } from '../../core/shapes.js';

const oneOf = <T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v))) as TUnion<TLiteral<T[number]>[]>;
const NonEmpty = Type.String({ minLength: 1 });
/** A date in a data file: YAML reads a bare year (1956) as a number. */
const YamlDate = Type.Union([Type.String({ minLength: 1 }), Type.Integer()]);
const Cite = Type.Array(Type.String({ pattern: '^[a-z0-9-]+(#.+)?$' }));
const strict = { additionalProperties: false } as const;

/** One entry of sources.yaml. */
export const SourceEntry = Type.Object(
  {
    key: Key,
    title: NonEmpty,
    url: Type.Optional(NonEmpty),
    dataset: Type.Optional(NonEmpty),
    publisher: Type.Optional(NonEmpty),
    retrieved: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  strict,
);

const NameEntry = Type.Object(
  {
    name: Type.String(),
    lang: Type.String({ pattern: LANG_TAG_PATTERN }),
    from: Type.Optional(YamlDate),
    to: Type.Optional(YamlDate),
    primary: Type.Optional(Type.Boolean()),
  },
  strict,
);

/** One entry of localities.yaml. */
export const LocalityEntry = Type.Object(
  {
    key: Key,
    kind: oneOf(LOCALITY_KINDS),
    country: Type.Optional(Type.String()),
    parent: Type.Optional(Key),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    population: Type.Optional(Type.Integer({ minimum: 0 })),
    population_year: Type.Optional(Type.Integer()),
    wikidata: Type.Optional(Type.String({ pattern: '^Q\\d+$' })),
    geonames: Type.Optional(Type.Integer({ minimum: 1 })),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(NonEmpty),
    names: Type.Array(NameEntry, { minItems: 1 }),
    cite: Type.Optional(Cite),
  },
  strict,
);

const EventEntry = Type.Object(
  {
    type: oneOf(EVENT_TYPES),
    date: Type.Optional(YamlDate),
    actor: Type.Optional(oneOf(['a', 'b', 'both', 'third_party'] as const)),
    actor_name: Type.Optional(NonEmpty),
    cause: Type.Optional(NonEmpty),
    notes: Type.Optional(NonEmpty),
    unverified: Type.Optional(Type.Boolean()),
    cite: Type.Optional(Cite),
  },
  strict,
);

/** One entry of links.yaml. */
export const LinkEntry = Type.Object(
  {
    between: Type.Tuple([Key, Key]),
    kind: Type.Optional(oneOf(LINK_KINDS)),
    purposes: Type.Optional(Type.Array(oneOf(LINK_PURPOSES))),
    exclusive: Type.Optional(Type.Boolean()),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(NonEmpty),
    cite: Type.Optional(Cite),
    events: Type.Optional(Type.Array(EventEntry)),
  },
  strict,
);

/** One entry of associations.yaml. */
export const AssociationEntry = Type.Object(
  {
    key: Key,
    name: NonEmpty,
    kind: oneOf(ASSOCIATION_KINDS),
    founded: Type.Optional(YamlDate),
    country: Type.Optional(Type.String()),
    notes: Type.Optional(NonEmpty),
    cite: Type.Optional(Cite),
    members: Type.Optional(
      Type.Array(
        Type.Object(
          {
            locality: Key,
            from: Type.Optional(YamlDate),
            to: Type.Optional(YamlDate),
            role: Type.Optional(NonEmpty),
            cite: Type.Optional(Cite),
          },
          strict,
        ),
      ),
    ),
  },
  strict,
);

/** One entry of terms.yaml. */
export const TermEntry = Type.Object(
  {
    term: NonEmpty,
    lang: Type.String({ pattern: LANG_TAG_PATTERN }),
    romanized: Type.Optional(NonEmpty),
    country: Type.Optional(Type.String()),
    meaning: NonEmpty,
    link_kind: Type.Optional(oneOf(LINK_KINDS)),
    notes: Type.Optional(NonEmpty),
    cite: Type.Optional(Cite),
  },
  strict,
);

export type SourceEntry = Static<typeof SourceEntry>;
export type LocalityEntry = Static<typeof LocalityEntry>;
export type LinkEntry = Static<typeof LinkEntry>;
export type AssociationEntry = Static<typeof AssociationEntry>;
export type TermEntry = Static<typeof TermEntry>;
