import type { Command } from 'commander';
import { openRegistry } from '../../registry/open-registry.js';
import { databaseUrl, printJson, type CliIo, type GlobalOptions } from '../context.js';

/** `twinning init`: creates the database, applies migrations and loads the bundled dataset once. */
export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('create the database and load the bundled dataset (once)')
    .action(async (_options: object, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const { database, seeded } = await openRegistry(databaseUrl(options));
      await database.close();
      if (options.json) return printJson(io, { database: database.location, loaded: seeded ?? null });
      io.out(
        seeded
          ? `Created ${database.location}: ${seeded.localities} localities, ${seeded.links} links, ${seeded.events} events, ${seeded.associations} associations, ${seeded.terms} terms, ${seeded.sources} sources.`
          : `${database.location} is ready; the bundled dataset was already loaded.`,
      );
    });
}
