import { TwinningError } from '../../core/errors.js';

/** How to be polite to a public service: who we are, how often to retry, how long to wait. */
export interface Politeness {
  userAgent: string;
  retries: number;
  /** The first wait before a retry, doubled each time (a Retry-After header wins). */
  backoffMs: number;
  log?: (message: string) => void;
}

/** The User-Agent the registry sends, as the Wikimedia policy asks: a name, a version and a way to reach us. */
export const USER_AGENT =
  'twinning/0.1 (open registry of town twinnings; https://github.com/twinning) node-fetch';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return secs * 1000;
  const when = Date.parse(header);
  return Number.isNaN(when) ? undefined : Math.max(0, when - Date.now());
}

/** GETs a URL as text, retrying on 429, 5xx and network errors: after Retry-After when given, else with exponential backoff. */
export async function politeGet(url: string, accept: string, p: Politeness): Promise<string> {
  let lastProblem = '';
  let wait: number | undefined;
  for (let attempt = 0; attempt <= p.retries; attempt++) {
    if (attempt > 0) {
      const ms = Math.min(wait ?? p.backoffMs * 2 ** (attempt - 1), 60_000);
      p.log?.(`retrying in ${ms} ms (${lastProblem})`);
      await sleep(ms);
    }
    try {
      const res = await fetch(url, { headers: { 'User-Agent': p.userAgent, Accept: accept } });
      if (res.ok) return await res.text();
      lastProblem = `HTTP ${res.status}`;
      if (res.status !== 429 && res.status < 500) break;
      wait = retryAfterMs(res.headers.get('retry-after'));
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
      wait = undefined;
    }
  }
  throw new TwinningError(
    'SourceUnavailable',
    `${new URL(url).origin} did not answer (${lastProblem}); nothing was imported`,
  );
}
