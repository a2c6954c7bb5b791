import { Worker } from 'node:worker_threads';
import { workerSource } from '../../threads/worker-source.js';
import type { FromWriter, ToWriter } from './gazetteer-write-protocol.js';

/** The writing thread's program. */
const PROGRAM = new URL('./gazetteer-write-worker.js', import.meta.url);

/** Batches sent and not yet written, past which the sender waits: the rows in flight stay a few megabytes. */
const MAX_IN_FLIGHT = 4;

/** A thread that writes the gazetteer into a SQLite file while this one reads and keys the next places. */
export interface GazetteerWriter {
  /** Sends a batch of rows (flat, in the protocol's column order); waits while too many are in flight. */
  write(places: (string | number | null)[], names: (string | number)[]): Promise<void>;
  /** Builds the indexes and commits; resolves with the name keys written, once the thread has closed the file. */
  finish(): Promise<number>;
  /** Rolls back and waits for the thread to close the file. */
  abort(): Promise<void>;
}

function writerError(message: Extract<FromWriter, { kind: 'failed' }>): Error {
  return Object.assign(new Error(message.message), { name: message.name, code: message.code });
}

/**
 * Starts the writing thread on a SQLite file; resolves once it holds the write lock, with the gazetteer's rows
 * deleted and its lookup indexes dropped.
 */
export async function startGazetteerWriter(dbFile: string): Promise<GazetteerWriter> {
  const worker = new Worker(workerSource(PROGRAM), { eval: true, workerData: { dbFile } });
  let ready = false;
  let inFlight = 0;
  let written: number | undefined;
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const changed = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  worker.on('message', (message: FromWriter) => {
    if (message.kind === 'ready') ready = true;
    else if (message.kind === 'ack') inFlight--;
    else if (message.kind === 'done') written = message.names;
    else failure ??= writerError(message);
    changed();
  });
  worker.on('error', (error) => {
    failure ??= error;
    changed();
  });
  const exit = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('exit', (code) => {
    exited = true;
    if (written === undefined) failure ??= new Error(`the gazetteer writer stopped with exit code ${code}`);
    changed();
  });
  const until = async (condition: () => boolean): Promise<void> => {
    while (!condition() && !failure && !exited) await new Promise<void>((resolve) => (wake = resolve));
  };
  const send = (message: ToWriter): void => worker.postMessage(message);

  await until(() => ready);
  if (!ready) {
    await exit;
    throw failure ?? new Error('the gazetteer writer stopped before it was ready');
  }
  return {
    async write(places, names) {
      if (failure) throw failure;
      inFlight++;
      send({ kind: 'rows', places, names });
      await until(() => inFlight < MAX_IN_FLIGHT);
      if (failure) throw failure;
    },
    async finish() {
      if (failure) throw failure;
      send({ kind: 'finish' });
      await exit; // it has closed the file
      if (written === undefined) throw failure ?? new Error('the gazetteer writer stopped before committing');
      return written;
    },
    async abort() {
      if (!exited) send({ kind: 'abort' });
      await exit;
    },
  };
}
