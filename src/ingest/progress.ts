import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';

/** Reports how far a long step has got. */
export interface Progress {
  tick(count: number): void;
  done(count: number): void;
}

/** A cli-progress bar on a terminal (a bar with a total, a counter without one). */
function terminalProgress(label: string, stream: Writable, total?: number): Progress {
  const format =
    total === undefined || total === 0
      ? `${label}: {value} rows ({duration_formatted})`
      : `${label} [{bar}] {percentage}% {value}/{total} ({duration_formatted}, eta {eta_formatted})`;
  const bar = new cliProgress.SingleBar(
    { format, stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    tick(count) {
      // An estimated total that the count passes grows with it.
      if (total !== undefined && total > 0 && count > bar.getTotal()) bar.setTotal(count);
      bar.update(count);
    },
    done(count) {
      // An estimated total (the gazetteer's) ends at the count reached, never at 230,497/230,000.
      if (count !== total) bar.setTotal(count);
      bar.update(count);
      bar.stop();
    },
  };
}

/** Plain lines every two seconds, for logs and pipes. */
function lineProgress(label: string, stream: Writable, total?: number): Progress {
  const started = Date.now();
  let last = started;
  const line = (count: number, final = false): string => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    // An estimated total is not repeated once the real count is known.
    const of =
      total && count <= total && !(final && count !== total)
        ? `/${total.toLocaleString('en')} (${Math.round((100 * Math.min(count, total)) / total)}%)`
        : '';
    return `${label}: ${count.toLocaleString('en')}${of} after ${secs} s`;
  };
  return {
    tick(count) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      stream.write(`${line(count)}\n`);
    },
    done: (count) => void stream.write(`${line(count, true)}, done\n`),
  };
}

/** A progress reporter: a cli-progress bar on a terminal, a plain line every two seconds otherwise. */
export function createProgress(
  label: string,
  stream: Writable & { isTTY?: boolean },
  total?: number,
): Progress {
  return stream.isTTY ? terminalProgress(label, stream, total) : lineProgress(label, stream, total);
}

/** A progress reporter that says nothing (tests, --json). */
export const SILENT: Progress = { tick: () => undefined, done: () => undefined };
