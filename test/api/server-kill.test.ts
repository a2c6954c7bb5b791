import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/api/auth.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const POINTS = 20;
/** A writer silent this long is stuck (each write prints a line); the test has no wall-clock limit of its own. */
const SILENCE_MS = 120_000;
const BACKSTOP_MS = 60 * 60_000;

interface KilledWriter {
  /** The version each write answered 200 returned, and the write's number, in order. */
  acked: { version: number; i: number }[];
  statuses: number[];
}

/** A server process started and ready to write one link, waiting for the word to begin. */
interface Writer {
  child: ChildProcessWithoutNullStreams;
  label: string;
}

/**
 * Starts a server process that will write one link once told to: started ahead, so that its start (the longest part
 * of each kill point) runs while the previous point's writer works.
 */
function startWriter(url: string, token: string, linkId: number, label: string): Writer {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/support/steady-writer.ts',
      url,
      token,
      String(linkId),
      '1000000',
      label,
      'wait',
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  return { child, label };
}

/**
 * Tells a started writer to write, and SIGKILLs it `fraction` of a write's measured time after its
 * `afterWrites`-th answered write: somewhere inside the next write.
 */
function killWriterAt(writer: Writer, afterWrites: number, fraction: number): Promise<KilledWriter> {
  const { child } = writer;
  return new Promise((resolve, reject) => {
    const acked: KilledWriter['acked'] = [];
    const statuses: number[] = [];
    const ackTimes: number[] = [];
    let stuck = false;
    let killing = false;
    let silence: NodeJS.Timeout | undefined;
    let err = '';
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => ((stuck = true), child.kill('SIGKILL')), SILENCE_MS);
    };
    watch();
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      watch();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const ok = /^ok (\d+) (\d+)$/.exec(line);
        const status = /^status (\d+)$/.exec(line);
        if (status) statuses.push(Number(status[1]));
        if (line === 'ready') {
          // Writes are timed from the word to begin, given once the writer is ready.
          ackTimes.push(performance.now());
          child.stdin.write('go\n');
        }
        if (!ok) continue;
        // Writes answered while the kill is on its way count too: they were acknowledged.
        acked.push({ version: Number(ok[1]), i: Number(ok[2]) });
        ackTimes.push(performance.now());
        if (!killing && acked.length === afterWrites) {
          killing = true;
          const perWrite = (ackTimes.at(-1)! - ackTimes[0]!) / afterWrites;
          setTimeout(() => child.kill('SIGKILL'), fraction * perWrite);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(silence);
      if (stuck) reject(new Error(`the writer printed nothing for ${SILENCE_MS / 1000} s`));
      else if (signal !== 'SIGKILL') reject(new Error(`the writer exited ${code}: ${err.slice(-2000)}`));
      else resolve({ acked, statuses });
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`a server under writes killed with SIGKILL [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let url: string;
    let token: string;
    let linkId: number;
    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      ({ url, drop } = created);
      database = (await openRegistry(url)).database;
      token = (await createToken(database.db, { name: 'writer', role: 'admin', scopes: [] })).token;
      linkId = (
        await database.db.selectFrom('links').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()
      ).id;
    }, BACKSTOP_MS);
    afterAll(async () => {
      await database?.close();
      await drop?.();
    });

    const stateOf = async () => {
      const link = await database.db
        .selectFrom('links')
        .select(['version', 'notes'])
        .where('id', '=', linkId)
        .executeTakeFirstOrThrow();
      const audit = await database.db
        .selectFrom('audit_log')
        .select('version')
        .where('entity_type', '=', 'link')
        .where('entity_id', '=', linkId)
        .orderBy('version')
        .execute();
      return { version: link.version, notes: link.notes, audited: audit.map((a) => a.version) };
    };

    it(
      `leaves each write done whole or not at all, killed at ${POINTS} points`,
      async () => {
        const start = await stateOf();
        const outcomes = { before: 0, after: 0 };
        let next = startWriter(url, token, linkId, 'point 0');
        try {
          for (let p = 0; p < POINTS; p++) {
            const before = await stateOf();
            const label = `point ${p}`;
            const writer = next;
            const running = killWriterAt(writer, 1 + (p % 4), (p % 5) / 4);
            if (p + 1 < POINTS) next = startWriter(url, token, linkId, `point ${p + 1}`);
            const run = await running;
            const last = run.acked.at(-1)!;
            const state = await stateOf();
            const where = `point ${p}: ${run.acked.length} writes answered`;
            expect(
              run.statuses.filter((s) => s >= 500),
              where,
            ).toEqual([]);
            // Every answered write is there; the one in flight is there whole (after) or not at all (before).
            expect([last.version, last.version + 1], where).toContain(state.version);
            const inFlight = state.version === last.version + 1;
            outcomes[inFlight ? 'after' : 'before']++;
            expect(state.notes, where).toBe(`${label} ${inFlight ? last.i + 1 : last.i}`);
            // A complete audit trail: one row per version, none missing, none extra.
            const versions = Array.from(
              { length: state.version - before.version },
              (_, i) => before.version + 1 + i,
            );
            expect(state.audited, where).toEqual([...before.audited, ...versions]);
          }
        } finally {
          // A writer started ahead and never told to begin (a point failed) is ended here.
          if (next.child.exitCode === null && next.child.signalCode === null) next.child.kill('SIGKILL');
        }
        expect((await stateOf()).audited.length - start.audited.length).toBeGreaterThanOrEqual(POINTS);
        console.log(
          `[${dialect}] writes in flight at the kill: ${outcomes.after} committed, ${outcomes.before} not`,
        );
      },
      BACKSTOP_MS,
    );
  });
}
