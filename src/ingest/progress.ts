import type { Writable } from 'node:stream';

/** Reports how far a long step has got. */
export interface Progress {
  tick(count: number): void;
  done(count: number): void;
}

/** A progress reporter: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export function createProgress(
  label: string,
  stream: Writable & { isTTY?: boolean },
  total?: number,
): Progress {
  const started = Date.now();
  let last = 0;
  const line = (count: number): string => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (total === undefined || total === 0) return `${label}: ${count.toLocaleString('en')} (${secs} s)`;
    const share = Math.min(1, count / total);
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    return `${label} [${bar}] ${Math.round(share * 100)}% ${count.toLocaleString('en')}/${total.toLocaleString('en')} (${secs} s)`;
  };
  return {
    tick(count) {
      const now = Date.now();
      if (stream.isTTY) {
        if (now - last < 100) return;
        stream.write(`\r${line(count)}`);
      } else {
        if (now - last < 2000) return;
        stream.write(`${line(count)}\n`);
      }
      last = now;
    },
    done(count) {
      stream.write(stream.isTTY ? `\r${line(count)}\n` : `${line(count)} done\n`);
    },
  };
}

/** A progress reporter that says nothing (tests, --json). */
export const SILENT: Progress = { tick: () => undefined, done: () => undefined };
