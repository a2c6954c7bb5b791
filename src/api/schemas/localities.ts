import { Type } from '@sinclair/typebox';
import { LINK_KINDS } from '../../core/link.js';
import { LINK_STATUSES } from '../../core/link-lifecycle.js';
import { LOCALITY_KINDS } from '../../core/locality.js';
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

const Coordinates = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

/** A locality as shown at a date: the name it bore then and every name valid then. */
export const LocalitySummary = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  kind: Type.String(),
  country: NullableString,
  name: Type.String(),
  namesAtDate: Type.Array(Type.Object({ name: Type.String(), lang: Type.String() })),
});

/** A locality with every stored fact. */
export const LocalityView = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String(),
    kind: Type.String(),
    country: NullableString,
    parent: Nullable(Type.Object({ key: Type.String(), name: Type.String() })),
    coordinates: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
    population: Nullable(Type.Number()),
    populationYear: Nullable(Type.Integer()),
    wikidataId: NullableString,
    geonamesId: Nullable(Type.Integer()),
    unverified: Type.Boolean(),
    notes: NullableString,
    names: Type.Array(
      Type.Object({
        name: Type.String(),
        lang: Type.String(),
        validFrom: NullableString,
        validTo: NullableString,
        primary: Type.Boolean(),
      }),
    ),
    sources: Type.Array(CitationView),
    version: Type.Integer(),
  },
  { $id: 'Locality', title: 'Locality' },
);

/** A partner of a locality at a date. */
export const PartnerView = Type.Object({
  linkId: Type.Integer(),
  partner: LocalitySummary,
  kind: Nullable(StringEnum(LINK_KINDS)),
  status: StringEnum(LINK_STATUSES),
  since: NullableString,
  cause: NullableString,
  exclusive: Type.Boolean(),
  latest: Nullable(Type.Object({ type: Type.String(), date: Type.String() })),
});

/** One locality with its partners at a date. */
export const LocalityDetail = Type.Object(
  {
    locality: Shared(LocalityView),
    atDate: LocalitySummary,
    asOf: NullableString,
    partners: Type.Array(PartnerView, {
      description: 'Links known to have been formed by the date, each with its status then',
    }),
    undated: Type.Array(PartnerView, {
      description:
        'Links that sources list without a date reaching back to the date asked (status unknown): not known to be in force then',
    }),
    underConsideration: Type.Array(PartnerView),
  },
  { title: 'LocalityDetail' },
);

/** A locality in a list or search result. */
export const LocalityListItem = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  matched: NullableString,
  matchedLang: NullableString,
  kind: Type.String(),
  country: NullableString,
  population: Nullable(Type.Number()),
});

export const LocalityPage = Type.Object({
  items: Type.Array(LocalityListItem),
  nextCursor: NullableString,
});

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

const NameInput = Type.Object(
  {
    name: Text(500),
    lang: Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', maxLength: 35 }),
    validFrom: Type.Optional(DateText),
    validTo: Type.Optional(DateText),
    primary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A new locality. */
export const LocalityCreate = Type.Object(
  {
    key: Key,
    kind: StringEnum(LOCALITY_KINDS),
    country: Type.Optional(CountryCode),
    parentKey: Type.Optional(Key),
    coordinates: Type.Optional(Coordinates),
    population: Type.Optional(Type.Integer({ minimum: 0 })),
    populationYear: Type.Optional(Type.Integer({ minimum: -9999, maximum: 9999 })),
    wikidataId: Type.Optional(Type.String({ pattern: '^Q\\d+$' })),
    geonamesId: Type.Optional(Type.Integer({ minimum: 1 })),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Text()),
    names: Type.Array(NameInput, { minItems: 1, maxItems: 200 }),
    citations: Type.Optional(Type.Array(CitationInput, { maxItems: 100 })),
  },
  { additionalProperties: false, title: 'LocalityCreate' },
);

/** Changes to a locality: absent fields stay, null clears; names and citations are replaced whole. */
export const LocalityPatch = Type.Object(
  {
    kind: Type.Optional(StringEnum(LOCALITY_KINDS)),
    country: Type.Optional(Nullable(CountryCode)),
    parentKey: Type.Optional(Nullable(Key)),
    coordinates: Type.Optional(Nullable(Coordinates)),
    population: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    populationYear: Type.Optional(Nullable(Type.Integer({ minimum: -9999, maximum: 9999 }))),
    wikidataId: Type.Optional(Nullable(Type.String({ pattern: '^Q\\d+$' }))),
    geonamesId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Nullable(Text())),
    names: Type.Optional(Type.Array(NameInput, { minItems: 1, maxItems: 200 })),
    citations: Type.Optional(Type.Array(CitationInput, { maxItems: 100 })),
  },
  { additionalProperties: false, minProperties: 1, title: 'LocalityPatch' },
);

/** Merging another locality into this one. */
export const MergeBody = Type.Object(
  {
    source: Key,
    sourceVersion: Type.Integer({ minimum: 1, description: 'the version of the source you read' }),
  },
  { additionalProperties: false },
);
