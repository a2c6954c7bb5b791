/**
 * The program of a heavy-work thread: it opens its own connection to the registry (so its reads, and
 * better-sqlite3's synchronous calls, never run on the server's event loop), then runs the jobs it is
 * posted one at a time and posts each result or error back. An export is posted back a chunk (a page of
 * links) at a time: after each chunk the thread waits until the server asks for the next one (`pull`, sent
 * when the client has taken the last), or stops at a `cancel` (the client went away).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TwinningError } from '../../core/errors.js';
import { openDatabase } from '../../store/database.js';
import { runHeavyJob, startExportJob, type ExportJob, type HeavyJob } from './jobs.js';

/** A message from the pool: a job and the id to answer it under; for an export, the next chunk asked for or a stop. */
export type JobMessage =
  { id: number; job: HeavyJob | ExportJob } | { id: number; pull: true } | { id: number; cancel: true };

/** An error as plain data (a domain error keeps its code). */
export interface ErrorData {
  code?: string;
  message: string;
  location?: TwinningError['location'];
}

/**
 * An answer to the pool: the result or the error; for an export first its head (whether it is cut short),
 * then its chunks, then an empty result.
 */
export type JobAnswer =
  | { id: number; result: unknown }
  | { id: number; error: ErrorData }
  | { id: number; head: { truncated: boolean } }
  | { id: number; chunk: string };

const port = parentPort!;
const database = openDatabase((workerData as { databaseUrl: string }).databaseUrl);

/** The export running, if any: what resumes it when the next chunk is asked for (true) or it is stopped (false). */
let waiting: { id: number; resume?: (go: boolean) => void; cancelled: boolean } | undefined;

function errorData(error: unknown): ErrorData {
  return error instanceof TwinningError
    ? { code: error.code, message: error.message, location: error.location }
    : { message: error instanceof Error ? error.message : String(error) };
}

/** Resolves true when the server asks for the next chunk, false when it stops the export. */
function nextAsked(id: number): Promise<boolean> {
  if (waiting?.id === id && waiting.cancelled) return Promise.resolve(false);
  return new Promise((resolve) => (waiting = { id, resume: resolve, cancelled: false }));
}

async function streamExport(id: number, job: ExportJob): Promise<void> {
  waiting = { id, cancelled: false };
  const { truncated, chunks } = await startExportJob(database.db, job);
  port.postMessage({ id, head: { truncated } } satisfies JobAnswer);
  for await (const chunk of chunks) {
    if (chunk === '') continue;
    port.postMessage({ id, chunk } satisfies JobAnswer);
    if (!(await nextAsked(id))) {
      await chunks.return(undefined);
      break;
    }
  }
}

port.on('message', (message: JobMessage) => {
  const { id } = message;
  if ('pull' in message || 'cancel' in message) {
    if (waiting?.id !== id) return;
    const resume = waiting.resume;
    waiting = { id, cancelled: 'cancel' in message };
    resume?.('pull' in message);
    return;
  }
  const { job } = message;
  const work =
    job.type === 'export' ? streamExport(id, job).then(() => undefined) : runHeavyJob(database.db, job);
  work.then(
    (result) => {
      waiting = undefined;
      port.postMessage({ id, result } satisfies JobAnswer);
    },
    (error: unknown) => {
      waiting = undefined;
      port.postMessage({ id, error: errorData(error) } satisfies JobAnswer);
    },
  );
});
port.postMessage({ ready: true });
