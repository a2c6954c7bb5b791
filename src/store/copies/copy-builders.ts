import type { Kysely } from 'kysely';
import { readLocalityModelData } from '../locality-model-data.js';
import { readNameIndexData } from '../name-index-data.js';
import type { DB } from '../schema.js';

/** A copy's data as a thread posts it, and the buffers in it that are moved to the receiver rather than copied. */
export interface BuiltCopy<Data = unknown> {
  data: Data;
  transfer: ArrayBuffer[];
}

/** Reads a copy of some of the registry through a connection of its own thread. */
export type CopyBuilder = (db: Kysely<DB>) => Promise<BuiltCopy>;

/**
 * Every copy in memory a worker thread can build, by name (store/copies/copy-worker.ts runs one). A new copy is
 * one entry here: its builder names its data's type, and `readCopy` gives that type back.
 */
export const COPY_BUILDERS = {
  /** The search's word index (store/name-memory-index.ts). */
  names: readNameIndexData,
  /** What a locality's detail reads (store/locality-memory-model.ts). */
  localities: readLocalityModelData,
} satisfies Record<string, CopyBuilder>;

/** The name of a copy a thread can build. */
export type CopyName = keyof typeof COPY_BUILDERS;

/** The data of the copy so named. */
export type CopyData<Name extends CopyName> = Awaited<ReturnType<(typeof COPY_BUILDERS)[Name]>>['data'];
