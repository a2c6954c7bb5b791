import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../api/api-harness.js';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags Chromium runs with here: headless, no sandbox (root in a container), no GPU, nothing fetched from elsewhere. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether browser tests can run. Without Chromium they are skipped with a visible message, except in CI
 * (CI=true), where its absence is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but ${CHROMIUM} is missing: install Debian's chromium`);
  console.warn(`\n*** ${CHROMIUM} is missing: the browser tests of the web app are SKIPPED ***\n`);
  return false;
}

/** A server on a loopback port, a browser, and the requests the pages made to any other host. */
export interface BrowserHarness {
  api: TestApi;
  origin: string;
  browser: Browser;
  /** A new page in a fresh context whose requests to other hosts are refused and recorded. */
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  /** URLs the pages asked for on hosts other than the server, and the policy's refusals of such requests. */
  foreign: string[];
  close(): Promise<void>;
}

/** Starts the app on SQLite on a free loopback port and launches Chromium. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const api = await startTestApi('sqlite');
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const foreign: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    api,
    origin,
    browser,
    foreign,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: origin, ...options });
      contexts.push(context);
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin || url.startsWith('data:')) return route.continue();
        foreign.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      // The Content-Security-Policy stops most such requests before they leave; count those refusals too.
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
          foreign.push(message.text());
        }
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await api.close();
    },
  };
}

/** The axe-core violations of a page whose impact is serious or critical, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}
