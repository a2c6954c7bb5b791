// The program of the thread that writes the gazetteer into a SQLite file (see gazetteer-writer.ts): it takes
// batches of rows, inserts them in one transaction with the lookup indexes dropped, builds the indexes, commits.
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { skeletonKey } from '../../core/name-keys.js';
import {
  CREATE_INDEXES,
  DROP_INDEXES,
  LOAD_CACHE_SIZE,
  NAME_COLUMNS,
  PLACE_COLUMNS,
  SENT_NAME_WIDTH,
  type ToWriter,
  type FromWriter,
} from './gazetteer-write-protocol.js';

const port = parentPort!;
const post = (message: FromWriter): void => port.postMessage(message);
const raw = new BetterSqlite3((workerData as { dbFile: string }).dbFile);
let open = true;

function close(): void {
  if (!open) return;
  open = false;
  if (raw.inTransaction) raw.exec('rollback');
  raw.close();
  port.close();
}

try {
  raw.pragma('busy_timeout = 5000');
  raw.pragma(`cache_size = ${LOAD_CACHE_SIZE}`);
  const placeWidth = PLACE_COLUMNS.length;
  const insertPlace = raw.prepare(
    `insert into gazetteer_places (${PLACE_COLUMNS.join(',')}) values (${PLACE_COLUMNS.map(() => '?').join(',')})`,
  );
  const insertName = raw.prepare(
    `insert into gazetteer_names (${NAME_COLUMNS.join(',')}) values (${NAME_COLUMNS.map(() => '?').join(',')})`,
  );
  raw.exec('begin immediate');
  raw.exec('delete from gazetteer_names; delete from gazetteer_places');
  for (const statement of DROP_INDEXES) raw.exec(statement);
  let names = 0;
  port.on('message', (message: ToWriter) => {
    if (!open) return;
    try {
      if (message.kind === 'rows') {
        const { places, names: keys } = message;
        for (let i = 0; i < places.length; i += placeWidth)
          insertPlace.run(...places.slice(i, i + placeWidth));
        // The spelling-blind key is computed here, off the thread that reads and keys the names.
        for (let i = 0; i < keys.length; i += SENT_NAME_WIDTH) {
          const key = keys[i + 1] as string;
          insertName.run(keys[i], key, skeletonKey(key), keys[i + 2], keys[i + 3]);
        }
        names += keys.length / SENT_NAME_WIDTH;
        post({ kind: 'ack' });
      } else if (message.kind === 'finish') {
        for (const statement of CREATE_INDEXES) raw.exec(statement);
        raw.exec('commit');
        post({ kind: 'done', names });
        close();
      } else close();
    } catch (error) {
      const e = error as Error & { code?: string };
      post({ kind: 'failed', name: e.name, message: e.message, code: e.code });
      close();
    }
  });
  post({ kind: 'ready' });
} catch (error) {
  const e = error as Error & { code?: string };
  post({ kind: 'failed', name: e.name, message: e.message, code: e.code });
  close();
}
