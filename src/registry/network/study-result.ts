import { Type, type Static } from '@sinclair/typebox';
import { StringAs } from '../../core/shapes.js';

// The shape of a study's answer, apart from the studies (studies.ts), so that a cached answer printed by the
// CLI does not load TypeBox to build a schema only the API uses.

/** The studies the registry offers (registry/network/studies.ts runs them), by name. */
export const STUDY_NAMES = [
  'summary',
  'partners',
  'betweenness',
  'countries',
  'geography',
  'time',
  'communities',
] as const;
export type StudyName = (typeof STUDY_NAMES)[number];

/** Parameters of the studies that take any. */
export interface StudyParams {
  limit?: number;
  repetitions?: number;
  seed?: number;
  country?: string;
}

/** A study's result, the network it was computed on, and whether it came from the cache. */
export const StudyResult = Type.Object({
  study: StringAs<StudyName>(),
  version: Type.String({ description: 'stamp of the data and the day the result was computed on' }),
  cached: Type.Boolean(),
  network: Type.Object({
    nodes: Type.Integer(),
    links: Type.Integer(),
    active: Type.Integer(),
    undated: Type.Integer({ description: 'links counted although only undated events say they were formed' }),
  }),
  result: Type.Unknown(),
});
export type StudyResult = Static<typeof StudyResult>;
