import { Readable } from 'node:stream';
import type { ImportRecord } from '../sources/records.js';
import { bindingToStatement } from '../sources/wikidata-sparql-parser.js';
import { streamJsonArray } from '../sources/json-array-stream.js';
import { p190Query } from './p190-query.js';
import { politeGet, USER_AGENT, type Politeness } from './polite-fetch.js';

/** Where and how to ask Wikidata. */
export interface LiveOptions {
  endpoint: string;
  pageSize: number;
  /** Pause between pages, to be polite (default one second). */
  pauseMs?: number;
  retries?: number;
  backoffMs?: number;
  log?: (message: string) => void;
}

/**
 * Every P190 statement from the Wikidata Query Service, page by page (LIMIT/OFFSET over a stable
 * order), one request at a time with a pause between pages and retries with backoff.
 */
export async function* liveWikidataRecords(options: LiveOptions): AsyncGenerator<ImportRecord> {
  const politeness: Politeness = {
    userAgent: USER_AGENT,
    retries: options.retries ?? 5,
    backoffMs: options.backoffMs ?? 2000,
    log: options.log,
  };
  for (let page = 0; ; page++) {
    const url = `${options.endpoint}?format=json&query=${encodeURIComponent(p190Query(options.pageSize, page * options.pageSize))}`;
    const text = await politeGet(url, 'application/sparql-results+json', politeness);
    const file = `${options.endpoint} page ${page + 1}`;
    let count = 0;
    for await (const element of streamJsonArray(Readable.from([text]), file, 'bindings')) {
      count++;
      yield bindingToStatement(element, file);
    }
    options.log?.(`wikidata: page ${page + 1}, ${count} statements`);
    if (count < options.pageSize) return;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 1000));
  }
}
