import type { Command } from 'commander';
import type { NetworkSummary } from '../../analysis/summary.js';
import { formatSummaryTable } from '../../analysis/summary.js';
import { TwinningError } from '../../core/errors.js';
import { findLocality } from '../../registry/locality/find.js';
import { chainBetween, placesWithin } from '../../registry/network/paths.js';
import {
  runStudy,
  type StudyName,
  type StudyParams,
  type StudyResult,
} from '../../registry/network/studies.js';
import { localitiesById } from '../../store/locality.repository.js';
import { printJson, today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';
import { networkQuery, positiveInt, withNetworkOptions } from '../network-options.js';
import { formatStudy } from '../format/study-text.js';

type StudyOptions = {
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

function addStudy(
  stats: Command,
  io: CliIo,
  name: StudyName,
  description: string,
  extra: (c: Command) => Command = (c) => c,
): void {
  const command = withNetworkOptions(stats.command(name).description(description));
  extra(command).action(async (options: StudyOptions, cmd: Command) => {
    const globals = cmd.optsWithGlobals<GlobalOptions>();
    const query = networkQuery(options);
    const p = params(options);
    const result = await withRegistry(globals, ({ db }) => runStudy(db, name, query, p, today()));
    if (globals.json) return printJson(io, result);
    header(io, result);
    io.out(
      name === 'summary'
        ? formatSummaryTable(result.result as NetworkSummary)
        : formatStudy(name, result.result),
    );
  });
}

const limit = (c: Command): Command => c.option('--limit <n>', 'rows to show', '20');

/** `twinning stats …`: the network measured (summary, rankings, geography, time, paths, communities). */
export function registerStats(program: Command, io: CliIo): void {
  const stats = program.command('stats').description('measure the twinning network');
  addStudy(
    stats,
    io,
    'summary',
    'the KONECT-style summary table (degrees, components, distances, clustering, power law)',
  );
  addStudy(stats, io, 'partners', 'localities by number of partners', limit);
  addStudy(stats, io, 'betweenness', 'localities by betweenness (exact when affordable, else sampled)', (c) =>
    limit(c).option('--seed <n>', 'random seed for sampling', '1'),
  );
  addStudy(
    stats,
    io,
    'countries',
    'countries by links and twinned localities, and the country-pair matrix',
    limit,
  );
  addStudy(
    stats,
    io,
    'geography',
    'distances between partners and within-country/continent shares against a null model',
    (c) =>
      c
        .option('--runs <n>', 'randomised networks in the null model', '50')
        .option('--seed <n>', 'random seed', '1'),
  );
  addStudy(stats, io, 'time', 'links formed per year and decade; endings per year with causes', (c) =>
    c.option('--of <country>', "also the growth of one country's links"),
  );
  addStudy(stats, io, 'communities', 'Louvain communities and the countries that dominate each', (c) =>
    limit(c).option('--seed <n>', 'random seed', '1'),
  );
  withNetworkOptions(stats.command('path').description('the shortest chain of twinnings between two places'))
    .argument('<from>', 'a locality name or key')
    .argument('<to>', 'a locality name or key')
    .action(async (from: string, to: string, options: StudyOptions, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const chain = await withRegistry(globals, async ({ db }) => {
        const ids = [await findLocality(db, from), await findLocality(db, to)];
        const keys = await localitiesById(db, ids);
        return chainBetween(
          db,
          keys.get(ids[0]!)!.key,
          keys.get(ids[1]!)!.key,
          networkQuery(options),
          today(),
        );
      });
      if (!chain) throw new TwinningError('NotFound', `no chain of twinnings links ${from} and ${to}`);
      if (globals.json) return printJson(io, chain);
      io.out(
        `${chain.length - 1} steps: ${chain.map((p) => `${p.name}${p.country ? ` (${p.country})` : ''}`).join(' – ')}`,
      );
    });
  withNetworkOptions(stats.command('within').description('every place within k twinnings of one'))
    .argument('<place>', 'a locality name or key')
    .option('--steps <k>', 'how many twinnings away', '2')
    .action(async (place: string, options: StudyOptions & { steps: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const k = positiveInt(options.steps, '--steps');
      const reached = await withRegistry(globals, async ({ db }) => {
        const id = await findLocality(db, place);
        const key = (await localitiesById(db, [id])).get(id)!.key;
        return placesWithin(db, key, k, networkQuery(options), today());
      });
      if (globals.json) return printJson(io, reached);
      io.out(`${reached.length} places within ${k} steps:`);
      reached.forEach((p) => io.out(`  ${p.steps}  ${p.name}${p.country ? ` (${p.country})` : ''}`));
    });
}
