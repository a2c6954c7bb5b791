import type { Command } from 'commander';
import { openRegistry } from '../../registry/open-registry.js';
import {
  databaseUrl,
  initialDataset,
  openOptions,
  printJson,
  type CliIo,
  type GlobalOptions,
} from '../context.js';

/** `twinning init`: creates the database, applies migrations and loads the world (or the bundled dataset) once. */
export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description(
      'create the database and load the world registry (the bundled dataset and data/sources, from data/world), once',
    )
    .option('--bundled-only', 'load only the small hand-written dataset of data/ (as the tests do)')
    .action(async (flags: { bundledOnly?: boolean }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const dataset = flags.bundledOnly ? 'bundled' : initialDataset();
      const { database, seeded, world } = await openRegistry(
        databaseUrl(options),
        undefined,
        openOptions(dataset),
      );
      await database.close();
      if (options.json)
        return printJson(io, { database: database.location, loaded: seeded ?? null, world: world ?? null });
      if (world)
        io.out(
          `Created ${database.location} from the world snapshot in ${world.seconds} s: ${world.localities} localities, ${world.links} links, ${world.rows.sources} sources.`,
        );
      else
        io.out(
          seeded
            ? `Created ${database.location}: ${seeded.localities} localities, ${seeded.links} links, ${seeded.events} events, ${seeded.associations} associations, ${seeded.terms} terms, ${seeded.sources} sources.`
            : `${database.location} is ready; it was already filled.`,
        );
    });
}
