/**
 * The program of a heavy-work thread: it opens its own connection to the registry (so its reads, and
 * better-sqlite3's synchronous calls, never run on the server's event loop), then runs the jobs it is
 * posted one at a time and posts each result or error back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TwinningError } from '../../core/errors.js';
import { openDatabase } from '../../store/database.js';
import { runHeavyJob, type HeavyJob } from './jobs.js';

/** A message from the pool: a job and the id to answer it under. */
export interface JobMessage {
  id: number;
  job: HeavyJob;
}

/** An answer to the pool: the result, or the error as plain data (a domain error keeps its code). */
export type JobAnswer =
  | { id: number; result: unknown }
  | { id: number; error: { code?: string; message: string; location?: TwinningError['location'] } };

const port = parentPort!;
const database = openDatabase((workerData as { databaseUrl: string }).databaseUrl);
port.on('message', ({ id, job }: JobMessage) => {
  runHeavyJob(database.db, job).then(
    (result) => port.postMessage({ id, result } satisfies JobAnswer),
    (error: unknown) => {
      const answer: JobAnswer =
        error instanceof TwinningError
          ? { id, error: { code: error.code, message: error.message, location: error.location } }
          : { id, error: { message: error instanceof Error ? error.message : String(error) } };
      port.postMessage(answer);
    },
  );
});
port.postMessage({ ready: true });
