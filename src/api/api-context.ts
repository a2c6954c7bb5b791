import type { FastifyRequest } from 'fastify';
import type { PartialDate } from '../core/partial-date.js';
import type { WriteContext } from '../registry/write-context.js';
import type { Database } from '../store/database.js';
import type { ApiConfig } from './config.js';
import type { Action } from './permissions.js';

/** What routes are given: the database, the configuration, today's date, and a write context maker. */
export interface ApiContext {
  db: Database['db'];
  config: Readonly<ApiConfig>;
  today(): PartialDate;
  /** The context a write runs in: the caller as the audit actor, and the scope check for the action. */
  writeContext(request: FastifyRequest, action: Action): WriteContext;
}
