import type { Command } from 'commander';
import type { StudyName } from '../../registry/network/studies.js';
import type { StudyOptions } from '../actions/stats.js';
import type { CliIo, GlobalOptions } from '../context.js';
import { withNetworkOptions } from '../network-options.js';

function addStudy(
  stats: Command,
  io: CliIo,
  name: StudyName,
  description: string,
  extra: (c: Command) => Command = (c) => c,
): void {
  const command = withNetworkOptions(stats.command(name).description(description));
  extra(command).action(async (options: StudyOptions, cmd: Command) => {
    const { study } = await import('../actions/stats.js');
    await study(io, cmd.optsWithGlobals<GlobalOptions>(), name, options);
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
      const { path } = await import('../actions/stats.js');
      await path(io, cmd.optsWithGlobals<GlobalOptions>(), from, to, options);
    });
  withNetworkOptions(stats.command('within').description('every place within k twinnings of one'))
    .argument('<place>', 'a locality name or key')
    .option('--steps <k>', 'how many twinnings away', '2')
    .action(async (place: string, options: StudyOptions & { steps: string }, cmd: Command) => {
      const { within } = await import('../actions/stats.js');
      await within(io, cmd.optsWithGlobals<GlobalOptions>(), place, options);
    });
}
