import { openRegistry } from '../../registry/open-registry.js';
import {
  databaseUrl,
  initialDataset,
  openOptions,
  printJson,
  type CliIo,
  type GlobalOptions,
} from '../context.js';

/**
 * Creates the database, migrates it and fills it once (`twinning init`): with the world snapshot, or with
 * the bundled dataset alone when `bundledOnly` (or TWINNING_DATASET=bundled).
 */
export async function init(io: CliIo, options: GlobalOptions & { bundledOnly?: boolean }): Promise<void> {
  const dataset = options.bundledOnly ? 'bundled' : initialDataset();
  const { database, seeded, world } = await openRegistry(
    await databaseUrl(options),
    undefined,
    await openOptions(dataset),
  );
  await database.close();
  if (options.json)
    return printJson(io, { database: database.location, loaded: seeded ?? null, world: world ?? null });
  if (world)
    return io.out(
      `Created ${database.location} from the world snapshot in ${world.seconds} s: ${world.localities} localities, ${world.links} links, ${world.rows.sources} sources.`,
    );
  io.out(
    seeded
      ? `Created ${database.location}: ${seeded.localities} localities, ${seeded.links} links, ${seeded.events} events, ${seeded.associations} associations, ${seeded.terms} terms, ${seeded.sources} sources.`
      : `${database.location} is ready; it was already filled.`,
  );
}
