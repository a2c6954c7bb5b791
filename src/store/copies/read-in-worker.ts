import type { Kysely } from 'kysely';
import { Worker } from 'node:worker_threads';
import { workerSource } from '../../threads/worker-source.js';
import type { DB } from '../schema.js';
import { COPY_BUILDERS, type CopyData, type CopyName } from './copy-builders.js';
import type { CopyAnswer } from './copy-worker.js';

/**
 * Builds the copy so named on a worker thread of its own (store/copies/copy-worker.ts) with its own connection to
 * the database at `databaseUrl`, and resolves with its data, whose buffers are moved to this thread without a
 * copy. Rejects when the build fails, the thread stops before it answers, or `signal` aborts (which ends the
 * thread at once). The thread is ended once it has answered (it closes its connection first).
 */
export function readCopyInWorker<Name extends CopyName>(
  databaseUrl: string,
  name: Name,
  signal?: AbortSignal,
): Promise<CopyData<Name>> {
  if (signal?.aborted) return Promise.reject(new Error(`the ${name} copy is no longer wanted`));
  const worker = new Worker(workerSource(new URL('./copy-worker.js', import.meta.url)), {
    eval: true,
    workerData: { databaseUrl },
  });
  worker.unref();
  return new Promise<CopyData<Name>>((resolve, reject) => {
    worker.on('message', (answer: CopyAnswer) => {
      if ('ready' in answer) return worker.postMessage(name);
      if ('data' in answer) resolve(answer.data as CopyData<Name>);
      else reject(new Error(`building the ${name} copy failed: ${answer.error.message}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      reject(error);
      void worker.terminate();
    });
    worker.once('exit', (code) =>
      reject(new Error(`the thread building the ${name} copy stopped (exit ${code})`)),
    );
    const abort = (): void => {
      reject(new Error(`the ${name} copy is no longer wanted`));
      void worker.terminate();
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('exit', () => signal?.removeEventListener('abort', abort));
  });
}

/**
 * Whether a database URL names a database only this thread can reach: SQLite's `:memory:` is private to its
 * connection, so another thread opening the same URL would read an empty database of its own.
 */
export function privateToThread(databaseUrl: string): boolean {
  return databaseUrl.replace(/^sqlite:(\/\/)?/, '') === ':memory:';
}

/**
 * Reads the copy so named: on a worker thread (readCopyInWorker), so that the event loop only receives it; on this
 * thread, by the same builder, when the database is private to it (`:memory:`, see privateToThread), where the
 * build holds the event loop as long as it takes (no server runs on such a database; tests and scripts might).
 * `signal` stops a build on a thread (see readCopyInWorker).
 */
export async function readCopy<Name extends CopyName>(
  db: Kysely<DB>,
  databaseUrl: string,
  name: Name,
  signal?: AbortSignal,
): Promise<CopyData<Name>> {
  if (privateToThread(databaseUrl)) return (await COPY_BUILDERS[name](db)).data as CopyData<Name>;
  return readCopyInWorker(databaseUrl, name, signal);
}
