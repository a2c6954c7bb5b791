/**
 * The program of a thread that builds one copy in memory (store/copies/read-in-worker.ts starts it): it opens its
 * own connection to the registry from `workerData.databaseUrl` (a SQLite file or a postgres:// URL), so that the
 * reads (better-sqlite3's are synchronous) and the building hold this thread and not the server's event loop,
 * waits for the name of the copy, runs its builder, closes the connection, and posts `{ data }` with its buffers
 * moved (not copied), or `{ error }` as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../database.js';
import { COPY_BUILDERS, type CopyName } from './copy-builders.js';

/** What the thread posts: ready (its program is loaded), then the copy's data or the error that stopped it. */
export type CopyAnswer = { ready: true } | { data: unknown } | { error: { message: string } };

const port = parentPort!;

/** Builds the copy and posts it once the connection is closed (so none is left open when the server hears). */
async function build(name: CopyName): Promise<void> {
  let answer: CopyAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const database = openDatabase((workerData as { databaseUrl: string }).databaseUrl);
    try {
      const built = await COPY_BUILDERS[name](database.db);
      answer = { data: built.data };
      transfer = built.transfer;
    } finally {
      await database.close();
    }
  } catch (error) {
    answer = { error: { message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage(answer, transfer);
}

// The build starts when asked, once this module has loaded (and tsx, when run from source, has been unregistered:
// left registered it slows the thread's code).
port.once('message', (name: CopyName) => void build(name));
port.postMessage({ ready: true } satisfies CopyAnswer);
