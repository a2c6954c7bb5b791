import { openRegistry } from '../../registry/open-registry.js';
import { databaseUrl, printJson, type CliIo, type GlobalOptions } from '../context.js';

/** Creates the database, migrates it and loads the bundled dataset once (`twinning init`). */
export async function init(io: CliIo, options: GlobalOptions): Promise<void> {
  const { database, seeded } = await openRegistry(await databaseUrl(options));
  await database.close();
  if (options.json) return printJson(io, { database: database.location, loaded: seeded ?? null });
  io.out(
    seeded
      ? `Created ${database.location}: ${seeded.localities} localities, ${seeded.links} links, ${seeded.events} events, ${seeded.associations} associations, ${seeded.terms} terms, ${seeded.sources} sources.`
      : `${database.location} is ready; the bundled dataset was already loaded.`,
  );
}
