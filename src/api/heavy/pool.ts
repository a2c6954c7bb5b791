import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { TwinningError, type ErrorCode } from '../../core/errors.js';
import { workerSource } from '../../threads/worker-source.js';
import type { ExportJob, HeavyJob, HeavyResult } from './jobs.js';
import type { ErrorData, JobAnswer, JobMessage } from './worker.js';

/** How much heavy work a server takes on at once, and for how long. */
export interface HeavyWorkLimits {
  /** Worker threads, each running one job at a time. */
  threads: number;
  /** Jobs that may wait for a thread; one more is refused with 503. */
  queueLimit: number;
  /** How long one job may wait for a thread, and then run on it, before it is refused with 503. */
  budgetMs: number;
  /** The heap one worker may grow to; past it the worker is stopped and its job refused with 503. */
  heapMb: number;
  /** Each worker's young generation in MB (YOUNG_GENERATION_MB unless given; bench/heavy-memory.ts compares). */
  youngMb?: number;
}

/** An export streaming back: whether it is cut short, and its body (ended when the worker is done). */
export interface StreamedExport {
  truncated: boolean;
  body: Readable;
}

interface Pending {
  id: number;
  job: HeavyJob | ExportJob;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  slot?: Slot;
  /** An export's body, once its head came back. */
  body?: Readable;
  /** The worker sent a chunk and waits to be asked for the next. */
  owed?: boolean;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  current?: Pending;
  /** Being stopped: it takes no more jobs, and its exit replaces it. */
  dead?: boolean;
}

/**
 * Each thread's young generation, in MB, by default. With V8's own default a thread that allocates fast (a study's
 * null-model runs, an export's pages) holds far more than it keeps alive: two geography studies at once on the
 * world's data peaked at 369-383 MB of the process's RSS with the default and 314 MB with 8 MB, in about the same
 * time (bench/heavy-memory.ts; docs/benchmarks.md, "Heavy-work threads' memory").
 */
const YOUNG_GENERATION_MB = 8;

/** A 503 that tells the client when to come back. */
export function overloaded(message: string): TwinningError {
  return new TwinningError('Overloaded', message);
}

/**
 * Runs heavy jobs (studies, exports) on a few worker threads, each with its own database connection, so that
 * the server's event loop stays free for everything else. Jobs beyond the threads wait in a bounded queue;
 * a full queue, a job past its time budget or a worker past its heap answers 503 (Overloaded) instead of
 * stalling or swelling the server. Threads start on first use.
 */
export class HeavyWorkPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #nextId = 1;
  #closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly limits: Readonly<HeavyWorkLimits>,
  ) {}

  /** Jobs running and waiting, for tests and metrics. */
  get load(): { running: number; queued: number } {
    return { running: this.#slots.filter((s) => s.current).length, queued: this.#queue.length };
  }

  /** Runs a job on a worker thread; rejects with Overloaded when the queue is full or the budget is spent. */
  run<J extends HeavyJob>(job: J): Promise<HeavyResult<J>> {
    return this.#enqueue(job) as Promise<HeavyResult<J>>;
  }

  /**
   * Runs an export on a worker thread and resolves when its head is known, with a body that streams it: the
   * worker reads the next page only when the client has taken the last, so an export holds a page or two,
   * however large it is and however slow its client. The time budget covers the whole stream; past it, or
   * when the worker fails, the body is destroyed with the error. A body the client abandons stops the export.
   */
  stream(job: ExportJob): Promise<StreamedExport> {
    return this.#enqueue(job) as Promise<StreamedExport>;
  }

  #enqueue(job: HeavyJob | ExportJob): Promise<unknown> {
    if (this.#closed) return Promise.reject(overloaded('the server is shutting down'));
    const idle = this.#idleSlot();
    if (!idle && this.#queue.length >= this.limits.queueLimit) {
      return Promise.reject(overloaded('the server is busy with other heavy requests; retry later'));
    }
    return new Promise<unknown>((resolve, reject) => {
      const pending: Pending = { id: this.#nextId++, job, resolve, reject, timer: undefined! };
      pending.timer = setTimeout(() => this.#expire(pending), this.limits.budgetMs);
      if (idle) this.#start(idle, pending);
      else this.#queue.push(pending);
    });
  }

  /** Stops every worker; jobs running or waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0))
      this.#settle(pending, overloaded('the server is shutting down'));
    const slots = this.#slots.splice(0);
    for (const slot of slots)
      if (slot.current) this.#settle(slot.current, overloaded('the server is shutting down'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #idleSlot(): Slot | undefined {
    const idle = this.#slots.find((slot) => !slot.current && !slot.dead);
    if (idle) return idle;
    if (this.#slots.filter((slot) => !slot.dead).length >= this.limits.threads) return undefined;
    const slot = this.#spawn();
    this.#slots.push(slot);
    return slot;
  }

  #spawn(): Slot {
    const worker = new Worker(workerSource(new URL('./worker.js', import.meta.url)), {
      eval: true,
      workerData: { databaseUrl: this.databaseUrl },
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.heapMb,
        maxYoungGenerationSizeMb: this.limits.youngMb ?? YOUNG_GENERATION_MB,
      },
    });
    worker.unref();
    const slot: Slot = {
      worker,
      ready: new Promise((resolve) => worker.once('message', () => resolve())),
    };
    worker.on('message', (answer: JobAnswer | { ready: true }) => {
      if (!('id' in answer) || slot.current?.id !== answer.id) return;
      const pending = slot.current;
      if ('head' in answer) return this.#openBody(slot, pending, answer.head.truncated);
      if ('chunk' in answer) {
        pending.owed = true;
        pending.body?.push(answer.chunk);
        return;
      }
      slot.current = undefined;
      this.#settle(
        pending,
        'error' in answer ? toError(answer.error) : undefined,
        'result' in answer ? answer.result : undefined,
      );
      this.#next(slot);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      slot.dead = true;
      const pending = slot.current;
      slot.current = undefined;
      if (pending) {
        const tooBig = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        this.#settle(
          pending,
          tooBig ? overloaded('the request needs more memory than this server gives one request') : error,
        );
      }
    });
    worker.on('exit', () => this.#replace(slot));
    return slot;
  }

  #start(slot: Slot, pending: Pending): void {
    slot.current = pending;
    pending.slot = slot;
    clearTimeout(pending.timer); // waiting is over; a thread still starting (a crash ends it) costs nothing
    void slot.ready.then(() => {
      if (slot.current !== pending) return;
      // The budget runs afresh from here: a thread's start (loading the code) is not the request's cost.
      clearTimeout(pending.timer);
      pending.timer = setTimeout(() => this.#expire(pending), this.limits.budgetMs);
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    });
  }

  #next(slot: Slot): void {
    const pending = this.#queue.shift();
    if (pending) this.#start(slot, pending);
  }

  /** A worker that stopped (terminated, crashed, out of memory) is replaced, and the queue moves on. */
  #replace(slot: Slot): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0 || this.#closed) return;
    this.#slots.splice(index, 1);
    if (slot.current) this.#settle(slot.current, new Error('a heavy-work thread stopped'));
    const idle = this.#queue.length > 0 ? this.#idleSlot() : undefined;
    if (idle) this.#start(idle, this.#queue.shift()!);
  }

  #expire(pending: Pending): void {
    const seconds = Math.round(this.limits.budgetMs / 1000);
    const error = overloaded(
      `the request took longer than the ${seconds} s this server gives one; retry later`,
    );
    const queued = this.#queue.indexOf(pending);
    if (queued >= 0) this.#queue.splice(queued, 1);
    const slot = pending.slot;
    this.#settle(pending, error);
    if (slot && slot.current === pending) {
      slot.current = undefined;
      slot.dead = true;
      void slot.worker.terminate(); // its exit replaces it
    }
  }

  #settle(pending: Pending, error: Error | undefined, result?: unknown): void {
    clearTimeout(pending.timer);
    if (pending.body) {
      if (pending.body.destroyed) return;
      if (error) pending.body.destroy(error);
      else pending.body.push(null);
    } else if (error) pending.reject(error);
    else pending.resolve(result);
  }

  /** An export's head came back: its body streams the chunks that follow, asking for each next one when read. */
  #openBody(slot: Slot, pending: Pending, truncated: boolean): void {
    const post = (message: JobMessage) => {
      if (slot.current === pending) slot.worker.postMessage(message);
    };
    const body = new Readable({
      read() {
        if (!pending.owed) return;
        pending.owed = false;
        post({ id: pending.id, pull: true });
      },
      destroy(error, callback) {
        post({ id: pending.id, cancel: true }); // the client went away: the worker stops and answers
        callback(error);
      },
    });
    pending.body = body;
    pending.resolve({ truncated, body } satisfies StreamedExport);
  }
}

function toError(error: ErrorData): Error {
  return error.code
    ? new TwinningError(error.code as ErrorCode, error.message, error.location)
    : new Error(error.message);
}
