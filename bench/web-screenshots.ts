/// <reference lib="dom" />
/**
 * Screenshots of the web app's main pages for the README (docs/screenshots/), taken in headless Chromium on
 * the web benchmark's database (the bundled dataset plus ../shared/data; built by bench/web-pages.ts).
 * Run: npx tsx bench/web-screenshots.ts
 */
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/api/app.js';
import { configWith } from '../src/api/config.js';
import { openDatabase } from '../src/store/database.js';

const SQLITE_URL = process.env.BENCH_SQLITE_PATH ?? '/tmp/twinning-bench-web/registry.sqlite';
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

const database = openDatabase(SQLITE_URL);
const app = await buildApp(configWith({ logLevel: 'warn', databaseUrl: SQLITE_URL }), database);
await app.listen({ host: '127.0.0.1', port: 0 });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
mkdirSync(OUT, { recursive: true });
// The network pages show what their studies have ready within a few seconds: compute (or find) them first.
for (const study of [
  'summary',
  'partners?limit=20',
  'betweenness?limit=20',
  'countries?limit=20',
  'time',
  'time?of=JP',
]) {
  await fetch(`${origin}/v1/analytics/${study}`);
}
const shots: [string, string, (() => Promise<unknown>)?][] = [
  ['home', '/'],
  [
    'search',
    '/',
    async () => {
      await page.getByRole('combobox', { name: 'Search places' }).pressSequentially('portsm');
      await page.getByRole('option').first().waitFor();
    },
  ],
  [
    'locality',
    '/places/coventry',
    () =>
      page.waitForFunction(() => document.getElementById('partner-map-canvas')?.dataset.drawn, undefined, {
        timeout: 30_000,
      }),
  ],
  [
    'partner-map',
    '/places/coventry',
    async () => {
      await page.waitForFunction(
        () => document.getElementById('partner-map-canvas')?.dataset.drawn,
        undefined,
        {
          timeout: 30_000,
        },
      );
      await page.locator('#partner-map').scrollIntoViewIfNeeded();
    },
  ],
  ['network', '/network'],
  ['country', '/countries/JP'],
  ['chain', '/network/chain?from=coventry&to=nagasaki-jp'],
  ['neighbourhood', '/places/coventry/network'],
  [
    'rules',
    '/places/victoria?date=2021-05-01',
    async () => {
      const rules = page.locator('#rules');
      if ((await rules.count()) > 0) await rules.scrollIntoViewIfNeeded();
    },
  ],
  ['link', '/links/1'],
  [
    'map',
    '/map',
    () =>
      page.waitForFunction(() => document.getElementById('map-canvas')?.dataset.readyMs, undefined, {
        timeout: 120_000,
      }),
  ],
];
for (const [name, path, then] of shots) {
  await page.goto(`${origin}${path}`);
  await then?.();
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
}
await browser.close();
await app.close();
await database.close();
