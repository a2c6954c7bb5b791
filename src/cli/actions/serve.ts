import { buildApp } from '../../api/app.js';
import { loadConfig, type ServeFlags } from '../../api/config.js';
import { openRegistry } from '../../registry/open-registry.js';
import { openOptions } from '../context.js';
import { isSeeded } from '../../registry/seed/seeded.js';
import { openDatabase, type Database } from '../../store/database.js';
import type { CliIo, GlobalOptions } from '../context.js';

/**
 * Opens the registry for serving. When several instances start on one PostgreSQL at once, the migrator's
 * lock orders the migrations, and the loser of the race to load the bundled dataset finds it loaded.
 */
async function openForServing(url: string): Promise<Database> {
  try {
    return (await openRegistry(url, undefined, await openOptions())).database;
  } catch (error) {
    const database = openDatabase(url);
    if (await isSeeded(database.db).catch(() => false)) return database;
    await database.close();
    throw error;
  }
}

/** Serves the HTTP API on the configured database until SIGINT or SIGTERM (`twinning serve`). */
export async function serve(io: CliIo, globals: GlobalOptions, options: ServeFlags): Promise<void> {
  const config = loadConfig({ ...options, db: globals.db });
  const database = await openForServing(config.databaseUrl);
  const app = await buildApp(config, database);
  const stop = async (): Promise<void> => {
    await app.close();
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  const address = await app.listen({ host: config.host, port: config.port });
  io.err(`Twinning API on ${address} (docs: ${address}/docs), database ${database.location}`);
}
