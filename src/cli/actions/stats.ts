import type { NetworkSummary } from '../../analysis/summary.js';
import { formatSummaryTable } from '../../analysis/summary-table.js';
import { TwinningError } from '../../core/errors.js';
import {
  runStudy,
  type StudyName,
  type StudyParams,
  type StudyResult,
} from '../../registry/network/studies.js';
import { printJson, today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';
import { positiveInt } from '../network-options.js';
import { formatStudy } from '../format/study-text.js';
import { networkQuery } from './network-query.js';

/** The options of the `stats` commands, as commander hands them over. */
export type StudyOptions = {
  asOf?: string;
  kind?: string;
  country?: string;
  source?: string;
  limit?: string;
  runs?: string;
  seed?: string;
  of?: string;
};

function params(options: StudyOptions): StudyParams {
  return {
    ...(options.limit ? { limit: positiveInt(options.limit, '--limit') } : {}),
    ...(options.runs ? { repetitions: positiveInt(options.runs, '--runs') } : {}),
    ...(options.seed ? { seed: positiveInt(options.seed, '--seed') } : {}),
    ...(options.of ? { country: options.of.toUpperCase() } : {}),
  };
}

function header(io: CliIo, r: StudyResult): void {
  const undated = r.network.undated
    ? ` (${r.network.active} known to be in force then, ${r.network.undated} listed by sources without a date reaching back to then, counted too)`
    : ` (every one known to be in force then)`;
  io.out(
    `Network: ${r.network.nodes} localities, ${r.network.links} links${undated}${r.cached ? ' (cached result)' : ''}`,
  );
}

/** The code that finds places by name, loaded only by the commands that take a place (a study takes none). */
async function placeLookup() {
  const [{ findLocality }, { localitiesById }] = await Promise.all([
    import('../../registry/locality/find.js'),
    import('../../store/locality.repository.js'),
  ]);
  return { findLocality, localitiesById };
}

/** Runs one study of the network (or takes it from the cache) and prints it (`twinning stats <study>`). */
export async function study(
  io: CliIo,
  globals: GlobalOptions,
  name: StudyName,
  options: StudyOptions,
): Promise<void> {
  const query = await networkQuery(options);
  const p = params(options);
  const result = await withRegistry(globals, ({ db }) => runStudy(db, name, query, p, today()));
  if (globals.json) return printJson(io, result);
  header(io, result);
  io.out(
    name === 'summary'
      ? formatSummaryTable(result.result as NetworkSummary)
      : formatStudy(name, result.result),
  );
}

/** Prints the shortest chain of twinnings between two places (`twinning stats path`). */
export async function path(
  io: CliIo,
  globals: GlobalOptions,
  from: string,
  to: string,
  options: StudyOptions,
): Promise<void> {
  const chain = await withRegistry(globals, async ({ db }) => {
    const { findLocality, localitiesById } = await placeLookup();
    const ids = [await findLocality(db, from), await findLocality(db, to)];
    const keys = await localitiesById(db, ids);
    const { chainBetween } = await import('../../registry/network/paths.js');
    return chainBetween(
      db,
      keys.get(ids[0]!)!.key,
      keys.get(ids[1]!)!.key,
      await networkQuery(options),
      today(),
    );
  });
  if (!chain) throw new TwinningError('NotFound', `no chain of twinnings links ${from} and ${to}`);
  if (globals.json) return printJson(io, chain);
  io.out(
    `${chain.length - 1} steps: ${chain.map((p) => `${p.name}${p.country ? ` (${p.country})` : ''}`).join(' – ')}`,
  );
}

/** Prints every place within k twinnings of one (`twinning stats within`). */
export async function within(
  io: CliIo,
  globals: GlobalOptions,
  place: string,
  options: StudyOptions & { steps: string },
): Promise<void> {
  const k = positiveInt(options.steps, '--steps');
  const reached = await withRegistry(globals, async ({ db }) => {
    const { findLocality, localitiesById } = await placeLookup();
    const id = await findLocality(db, place);
    const key = (await localitiesById(db, [id])).get(id)!.key;
    const { placesWithin } = await import('../../registry/network/paths.js');
    return placesWithin(db, key, k, await networkQuery(options), today());
  });
  if (globals.json) return printJson(io, reached);
  io.out(`${reached.length} places within ${k} steps:`);
  reached.forEach((p) => io.out(`  ${p.steps}  ${p.name}${p.country ? ` (${p.country})` : ''}`));
}
