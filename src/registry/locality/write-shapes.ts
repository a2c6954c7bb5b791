import { Type, type Static } from '@sinclair/typebox';
import { LOCALITY_KINDS, type LocalityName } from '../../core/locality.js';
import {
  CountryCode,
  DateText,
  Key,
  LANG_TAG_PATTERN,
  Nullable,
  Shared,
  StringEnum,
  Text,
} from '../../core/shapes.js';
import { Citations } from '../../core/source.js';
import { LocalityView } from './view.js';

// What the locality writers take (as a request gives it: dates as text) and what a merge returns.

const CoordinatesInput = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

/** A name as a request gives it: its validity dates as text. */
export const NameInput = Type.Object(
  {
    name: Text(500),
    lang: Type.String({ pattern: LANG_TAG_PATTERN, maxLength: 35 }),
    validFrom: Type.Optional(DateText),
    validTo: Type.Optional(DateText),
    primary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NameInput = Static<typeof NameInput>;

const Population = Type.Integer({ minimum: 0 });
const PopulationYear = Type.Integer({ minimum: -9999, maximum: 9999 });
const WikidataId = Type.String({ pattern: '^Q\\d+$' });
const GeonamesId = Type.Integer({ minimum: 1 });
const Names = Type.Array(NameInput, { minItems: 1, maxItems: 200 });

/** A new locality, as a request gives it. */
export const LocalityCreate = Type.Object(
  {
    key: Key,
    kind: StringEnum(LOCALITY_KINDS),
    country: Type.Optional(CountryCode),
    parentKey: Type.Optional(Key),
    coordinates: Type.Optional(CoordinatesInput),
    population: Type.Optional(Population),
    populationYear: Type.Optional(PopulationYear),
    wikidataId: Type.Optional(WikidataId),
    geonamesId: Type.Optional(GeonamesId),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Text()),
    names: Names,
    citations: Type.Optional(Citations),
  },
  { additionalProperties: false, title: 'LocalityCreate' },
);
export type LocalityCreate = Static<typeof LocalityCreate>;

/** Changes to a locality, as a request gives them: absent fields stay, null clears; names and citations are replaced whole. */
export const LocalityPatch = Type.Object(
  {
    kind: Type.Optional(StringEnum(LOCALITY_KINDS)),
    country: Type.Optional(Nullable(CountryCode)),
    parentKey: Type.Optional(Nullable(Key)),
    coordinates: Type.Optional(Nullable(CoordinatesInput)),
    population: Type.Optional(Nullable(Population)),
    populationYear: Type.Optional(Nullable(PopulationYear)),
    wikidataId: Type.Optional(Nullable(WikidataId)),
    geonamesId: Type.Optional(Nullable(GeonamesId)),
    unverified: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Nullable(Text())),
    names: Type.Optional(Names),
    citations: Type.Optional(Citations),
  },
  { additionalProperties: false, minProperties: 1, title: 'LocalityPatch' },
);
export type LocalityPatch = Static<typeof LocalityPatch>;

/** The changes a locality update applies: a patch with its names' dates parsed. */
export type LocalityChanges = Omit<LocalityPatch, 'names'> & { names?: LocalityName[] };

/** Merging another locality into this one, at the version of it the writer read. */
export const MergeBody = Type.Object(
  {
    source: Key,
    sourceVersion: Type.Integer({ minimum: 1, description: 'the version of the source you read' }),
  },
  { additionalProperties: false },
);
export type MergeBody = Static<typeof MergeBody>;

/** What a merge did: the surviving locality, and the links it moved or folded together. */
export const MergeResult = Type.Object({
  locality: Shared(LocalityView),
  mergeId: Type.Integer(),
  links: Type.Array(Type.Integer()),
});
export type MergeResult = Static<typeof MergeResult>;
