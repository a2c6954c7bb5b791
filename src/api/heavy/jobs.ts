import type { Kysely } from 'kysely';
import type { PartialDate } from '../../core/partial-date.js';
import { linksToCsv } from '../../export/link-csv.js';
import { linkRows } from '../../export/link-rows.js';
import { linksToGeoJson } from '../../export/link-geojson.js';
import { linksToGraphMl } from '../../export/link-graphml.js';
import { queryAllLinks, type LinkListItem, type LinkQuery } from '../../registry/link/query.js';
import type { NetworkQuery } from '../../registry/network/input.js';
import {
  runStudy,
  type StudyName,
  type StudyParams,
  type StudyResult,
} from '../../registry/network/studies.js';
import type { DB } from '../../store/schema.js';
import { suggestPartners, type SuggestQuery, type Suggestions } from '../../registry/suggest/suggestions.js';

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

/** Work too heavy for the event loop: a study of the network, an export of links, a locality's suggested partners. Plain data, to post. */
export type HeavyJob =
  | { type: 'study'; study: StudyName; query: NetworkQuery; params: StudyParams; today: PartialDate }
  | {
      type: 'export';
      format: ExportFormat;
      query: LinkQuery;
      today: PartialDate;
      bounds: { pageSize: number; maxRows: number };
    }
  | { type: 'suggestions'; key: string; query: SuggestQuery; today: PartialDate };

/** An export's body and whether the export limit cut it short. */
export interface ExportResult {
  body: string;
  truncated: boolean;
}

/** What each kind of job gives back. */
export type HeavyResult<J extends HeavyJob> = J extends { type: 'study' }
  ? StudyResult
  : J extends { type: 'suggestions' }
    ? Suggestions
    : ExportResult;

/** Runs a job against a database: where it runs (a worker thread, or inline) is the caller's choice. */
export async function runHeavyJob(
  db: Kysely<DB>,
  job: HeavyJob,
): Promise<StudyResult | ExportResult | Suggestions> {
  if (job.type === 'study') return runStudy(db, job.study, job.query, job.params, job.today);
  if (job.type === 'suggestions') return suggestPartners(db, job.key, job.query, job.today);
  const { items, truncated } = await queryAllLinks(db, job.query, job.today, job.bounds);
  return { body: await LINK_EXPORTS[job.format].write(db, items), truncated };
}
