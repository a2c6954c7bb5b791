import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import { linksToCsv } from '../../export/link-csv.js';
import { linkRows } from '../../export/link-rows.js';
import { linksToGeoJson } from '../../export/link-geojson.js';
import { linksToGraphMl } from '../../export/link-graphml.js';
import { queryAllLinks, type LinkListItem, type LinkQuery } from '../../registry/link/query.js';
import type { NetworkQuery } from '../../registry/network/input.js';
import type { PlaceStep } from '../../registry/network/paths.js';
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
import type { DB } from '../../store/schema.js';

/** The export formats of a link query, with their media type, file name and writer. */
export const LINK_EXPORTS = {
  csv: {
    type: 'text/csv; charset=utf-8',
    file: 'links.csv',
    write: async (db, items) => linksToCsv(await linkRows(db, items)),
  },
  geojson: {
    type: 'application/geo+json',
    file: 'links.geojson',
    write: async (_db, items) => linksToGeoJson(items),
  },
  graphml: {
    type: 'application/graphml+xml; charset=utf-8',
    file: 'links.graphml',
    write: async (_db, items) => linksToGraphMl(items),
  },
} satisfies Record<
  string,
  { type: string; file: string; write(db: Kysely<DB>, items: LinkListItem[]): Promise<string> }
>;

export type ExportFormat = keyof typeof LINK_EXPORTS;

/**
 * Work too heavy for the event loop: a study of the network, an export of links, or one of the web's network
 * views (a chain, a neighbourhood, a country's matrix), which read the whole network. Plain data, to post.
 */
export type HeavyJob =
  | { type: 'study'; study: StudyName; query: NetworkQuery; params: StudyParams; today: PartialDate }
  | { type: 'chain'; from: string; to: string; today: PartialDate }
  | { type: 'neighbourhood'; key: string; steps: number; maxNodes: number; today: PartialDate }
  | { type: 'country-matrix'; country: string; today: PartialDate }
  | {
      type: 'export';
      format: ExportFormat;
      query: LinkQuery;
      today: PartialDate;
      bounds: { pageSize: number; maxRows: number };
    };

/** An export's body and whether the export limit cut it short. */
export interface ExportResult {
  body: string;
  truncated: boolean;
}

/** What each kind of job gives back. */
export type HeavyResult<J extends HeavyJob> = J extends { type: 'study' }
  ? StudyResult
  : J extends { type: 'chain' }
    ? PlaceStep[] | null
    : J extends { type: 'neighbourhood' }
      ? NeighbourhoodDrawing
      : J extends { type: 'country-matrix' }
        ? CountryMatrix
        : ExportResult;

/** Runs a job against a database: where it runs (a worker thread, or inline) is the caller's choice. */
export async function runHeavyJob(db: Kysely<DB>, job: HeavyJob): Promise<HeavyResult<HeavyJob>> {
  switch (job.type) {
    case 'study':
      return runStudy(db, job.study, job.query, job.params, job.today);
    case 'chain':
      return chainToday(db, job.from, job.to, job.today);
    case 'neighbourhood':
      return neighbourhoodToday(db, job.key, job.steps, job.maxNodes, job.today);
    case 'country-matrix':
      return countryMatrixToday(db, job.country, job.today);
    case 'export': {
      const { items, truncated } = await queryAllLinks(db, job.query, job.today, job.bounds);
      return { body: await LINK_EXPORTS[job.format].write(db, items), truncated };
    }
  }
}
