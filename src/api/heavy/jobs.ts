import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import { linkExport, type ExportBounds, type ExportFormat } from '../../export/link-export.js';
import type { LinkQuery } from '../../registry/link/query.js';
import type { NetworkQuery } from '../../registry/network/input.js';
import { chainBetween, placesWithin, type PlaceStep } from '../../registry/network/paths.js';
import {
  chainToday,
  countryMatrixToday,
  neighbourhoodToday,
  type CountryMatrix,
  type NeighbourhoodDrawing,
} from '../../registry/network/web-views.js';
import {
  runStudy,
  type StudyName,
  type StudyParams,
  type StudyResult,
} from '../../registry/network/studies.js';
import { computeStudy, loadStudies } from '../../registry/network/study-computations.js';
import type { DB } from '../../store/schema.js';
import { suggestPartners, type SuggestQuery, type Suggestions } from '../../registry/suggest/suggestions.js';
import { buildMapDocument, type MapDocument } from '../../web/map-document.js';

// This module is the heavy-work threads' program: every study's code is loaded with it, while the thread can import.
await loadStudies();

/**
 * Work too heavy for the event loop whose result comes back whole: a study, a chain, the places within reach,
 * or one of the web's network views (a chain, a neighbourhood, a country's matrix) or the world map's data,
 * which read the whole network.
 */
export type HeavyJob =
  | { type: 'study'; study: StudyName; query: NetworkQuery; params: StudyParams; today: PartialDate }
  | { type: 'path'; from: string; to: string; query: NetworkQuery; today: PartialDate }
  | { type: 'within'; place: string; steps: number; query: NetworkQuery; today: PartialDate }
  | { type: 'chain'; from: string; to: string; today: PartialDate }
  | { type: 'neighbourhood'; key: string; steps: number; maxNodes: number; today: PartialDate }
  | { type: 'country-matrix'; country: string; today: PartialDate }
  | { type: 'suggestions'; key: string; query: SuggestQuery; today: PartialDate }
  | { type: 'map-data'; today: PartialDate };

/** An export of links, streamed back a page at a time. Plain data, to post. */
export interface ExportJob {
  type: 'export';
  format: ExportFormat;
  query: LinkQuery;
  today: PartialDate;
  bounds: ExportBounds;
}

/** What each kind of job gives back (a path is undefined, a chain null, when none links the places). */
export type HeavyResult<J extends HeavyJob> = J extends { type: 'study' }
  ? StudyResult
  : J extends { type: 'path' }
    ? PlaceStep[] | undefined
    : J extends { type: 'within' }
      ? PlaceStep[]
      : J extends { type: 'chain' }
        ? PlaceStep[] | null
        : J extends { type: 'neighbourhood' }
          ? NeighbourhoodDrawing
          : J extends { type: 'suggestions' }
            ? Suggestions
            : J extends { type: 'map-data' }
              ? MapDocument
              : CountryMatrix;

/** Runs a job against a database: where it runs (a worker thread, or inline) is the caller's choice. */
export async function runHeavyJob(db: Kysely<DB>, job: HeavyJob): Promise<HeavyResult<HeavyJob>> {
  switch (job.type) {
    case 'study':
      return runStudy(db, job.study, job.query, job.params, job.today, computeStudy);
    case 'path':
      return chainBetween(db, job.from, job.to, job.query, job.today);
    case 'within':
      return placesWithin(db, job.place, job.steps, job.query, job.today);
    case 'chain':
      return chainToday(db, job.from, job.to, job.today);
    case 'neighbourhood':
      return neighbourhoodToday(db, job.key, job.steps, job.maxNodes, job.today);
    case 'country-matrix':
      return countryMatrixToday(db, job.country, job.today);
    case 'suggestions':
      return suggestPartners(db, job.key, job.query, job.today);
    case 'map-data':
      return buildMapDocument(db, job.today);
  }
}

/** Starts an export against a database: whether it is cut short, and its text a chunk at a time. */
export function startExportJob(db: Kysely<DB>, job: ExportJob) {
  return linkExport(db, job.format, job.query, job.today, job.bounds);
}
