import type { FastifyRequest } from 'fastify';
import type { PartialDate } from '../core/partial-date.js';
import type { LocalityDetail } from '../registry/locality/detail.js';
import type { WriteContext } from '../registry/write-context.js';
import type { Database } from '../store/database.js';
import type { NameMatch, NameQuery } from '../store/name-index.repository.js';
import type { ApiConfig } from './config.js';
import type { ExportJob, HeavyJob, HeavyResult } from './heavy/jobs.js';
import type { StreamedExport } from './heavy/pool.js';
import type { Action } from './permissions.js';

/** What routes are given: the database, the configuration, today's date, and a write context maker. */
export interface ApiContext {
  db: Database['db'];
  config: Readonly<ApiConfig>;
  today(): PartialDate;
  /** Search as you type over the word index (answered from the copy in memory while it is current). */
  searchNames(query: NameQuery): Promise<NameMatch[]>;
  /**
   * A locality by key with its partners at `asOf`: from the copy in memory while it is current, at once when the
   * copy can vouch for itself without asking the database (most requests), else through a promise.
   */
  localityDetail(key: string, asOf: PartialDate | undefined): LocalityDetail | Promise<LocalityDetail>;
  /** The context a write runs in: the caller as the audit actor, and the scope check for the action. */
  writeContext(request: FastifyRequest, action: Action): WriteContext;
  /** Runs a study or an export off the event loop; 503 Overloaded when the server has no room for it. */
  runHeavy<J extends HeavyJob>(job: J): Promise<HeavyResult<J>>;
  /** Streams an export from a worker thread, a page at a time; 503 Overloaded as runHeavy. */
  streamExport(job: ExportJob): Promise<StreamedExport>;
}
