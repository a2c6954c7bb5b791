import type { Kysely } from 'kysely';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { cachedResult, keepResult } from '../../store/analysis-cache.repository.js';
import { dataStamp } from '../../store/data-stamp.repository.js';
import type { DB } from '../../store/schema.js';
import type { NetworkQuery } from './input.js';
import { describeQuery } from './query-text.js';
import type { computeStudy } from './study-computations.js';
import type { StudyName, StudyParams, StudyResult } from './study-result.js';

export type { StudyName, StudyParams, StudyResult } from './study-result.js';

/** The cache key and data version of a study: what runStudy keeps a result under. */
async function studyKey(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
) {
  const version = `${await dataStamp(db)}@${formatPartialDate(today)}`;
  return { version, key: `${study}:${describeQuery(query)}:${JSON.stringify(params)}` };
}

/** The result kept for a study on the same data today, if any: a cheap read (the stamp and one row), no computation. */
export async function keptStudy(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
): Promise<StudyResult | undefined> {
  const { version, key } = await studyKey(db, study, query, params, today);
  const kept = (await cachedResult(db, key, version)) as Pick<StudyResult, 'network' | 'result'> | undefined;
  return kept && { study, version, cached: true, network: kept.network, result: kept.result };
}

/**
 * Runs a study on the registry's network as the query selects it, or returns the result kept for the same
 * query on the same data: the cache key is the study, query and parameters; the version is a stamp of the
 * registry's data and of today (store/data-stamp.repository.ts), read without loading the network, so a cached
 * answer costs one small query and any write means a fresh computation. The computation
 * (study-computations.ts) is loaded on a miss only, unless the caller hands it over already loaded (the heavy-work
 * threads, which compute).
 */
export async function runStudy(
  db: Kysely<DB>,
  study: StudyName,
  query: NetworkQuery,
  params: StudyParams,
  today: PartialDate,
  compute?: typeof computeStudy,
): Promise<StudyResult> {
  const { version, key } = await studyKey(db, study, query, params, today);
  const kept = (await cachedResult(db, key, version)) as Pick<StudyResult, 'network' | 'result'> | undefined;
  if (kept !== undefined) return { study, version, cached: true, network: kept.network, result: kept.result };
  const computed = await (compute ?? (await import('./study-computations.js')).computeStudy)(
    db,
    study,
    query,
    params,
    today,
  );
  await keepResult(db, key, version, computed);
  return { study, version, cached: false, ...computed };
}
