/// <reference lib="dom" />
/**
 * Benchmark for issue 11: the web app in headless Chromium (Debian's, driven by playwright-core). First
 * contentful paint of the home page and a locality page, search suggestions after a keystroke, the world map
 * drawn with every link in force today, one step of the time slider, and the JavaScript and data each page
 * transfers (gzipped, as sent). A blank page of the same server is measured in the same run as the baseline.
 * Prints figures; never passes or fails on time.
 * Run: npx tsx bench/web-pages.ts   (BENCH_SQLITE_PATH to change the database; BENCH_RUNS=5 by default;
 * BENCH_ONLY=map,paints,views,suggest to measure only some parts)
 * The database is the API benchmark's: the bundled dataset plus ../shared/data imported (built once).
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/api/app.js';
import { configWith } from '../src/api/config.js';
import { openDatabase } from '../src/store/database.js';
import { prepareBenchData } from './api-dataset.js';

const SQLITE_URL = process.env.BENCH_SQLITE_PATH ?? '/tmp/twinning-bench-web/registry.sqlite';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Bytes of scripts and of data (JSON) a page fetched, as transferred (compressed). */
async function transferred(page: Page): Promise<{ js: number; data: number }> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    let js = 0;
    let data = 0;
    for (const e of entries) {
      if (e.name.endsWith('.js')) js += e.encodedBodySize;
      else if (e.name.endsWith('.json') || e.name.endsWith('.bin')) data += e.encodedBodySize;
    }
    return { js, data };
  });
}

async function firstPaint(browser: Browser, url: string): Promise<{ fcp: number; js: number; data: number }> {
  const fcps: number[] = [];
  let bytes = { js: 0, data: 0 };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // The paint entry can come after the load event on a busy machine: wait for it.
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    );
    fcps.push(fcp);
    bytes = await transferred(page);
    await context.close();
  }
  return { fcp: median(fcps), ...bytes };
}

async function suggestionDelay(browser: Browser, origin: string, text: string): Promise<number> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/`);
  const box = page.getByRole('combobox', { name: 'Search places' });
  const delays: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    await box.fill(text.slice(0, i - 1));
    await page.waitForTimeout(200);
    const started = Date.now();
    await box.press(text[i - 1]!);
    await page.waitForFunction(
      (prefix) =>
        Array.from(document.querySelectorAll('[role=option]')).some((o) =>
          o.textContent?.toLowerCase().includes(prefix),
        ),
      text.slice(0, i).toLowerCase(),
    );
    delays.push(Date.now() - started);
  }
  await page.context().close();
  return median(delays);
}

async function worldMap(browser: Browser, origin: string) {
  const runs: {
    ready: number;
    drawnAt: number;
    fetch: number;
    project: number;
    draw: number;
    links: number;
    parts: string;
    js: number;
    data: number;
  }[] = [];
  const steps: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${origin}/map`);
    await page.waitForFunction(() => document.getElementById('map-canvas')?.dataset.readyMs, undefined, {
      timeout: 120_000,
    });
    const figures = await page.evaluate(() => {
      const c = document.getElementById('map-canvas')!;
      return {
        ready: Number(c.dataset.readyMs),
        drawnAt: Number(c.dataset.drawnAt),
        fetch: Number(c.dataset.fetchMs),
        project: Number(c.dataset.projectMs),
        draw: Number(c.dataset.drawMs),
        links: Number(c.dataset.links),
        parts: c.dataset.projectParts ?? '',
      };
    });
    runs.push({ ...figures, ...(await transferred(page)) });
    if (i === 0) {
      // One slider step: input event to drawn, for 20 successive years back from today.
      for (let s = 1; s <= 20; s++) {
        steps.push(
          await page.evaluate((back) => {
            const slider = document.getElementById('map-date') as HTMLInputElement;
            const started = performance.now();
            slider.value = String(Number(slider.max) - back);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
            return performance.now() - started;
          }, s),
        );
      }
    }
    await page.context().close();
  }
  return {
    ready: median(runs.map((r) => r.ready)),
    drawnAt: median(runs.map((r) => r.drawnAt)),
    draw: median(runs.map((r) => r.draw)),
    fetch: median(runs.map((r) => r.fetch)),
    project: median(runs.map((r) => r.project)),
    links: runs[0]!.links,
    parts: runs.map((r) => r.parts).join(' | '),
    js: runs[0]!.js,
    data: runs[0]!.data,
    step: median(steps),
    stepMax: Math.max(...steps),
  };
}

/** The locality page measured: Coventry as the import pipeline keys it. */
const PLACE = process.env.BENCH_PLACE ?? 'coventry';

/** Time from navigation until the locality page's partner map has drawn (its script sets data-drawn). */
async function partnerMapDrawn(
  browser: Browser,
  url: string,
): Promise<{ ms: number; partners: number; panel: number; panelFirst: number }> {
  const times: number[] = [];
  const panels: number[] = [];
  let partners = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => document.getElementById('partner-map-canvas')?.dataset.drawn,
      undefined,
      {
        timeout: 30_000,
      },
    );
    times.push(Number(await page.getAttribute('#partner-map-canvas', 'data-ready-ms')));
    partners = Number(await page.getAttribute('#partner-map-canvas', 'data-drawn'));
    // The suggested partners, ranked on a heavy-work thread after the page is sent, put in place by its script
    // (waited for so that no ranking is still running when the next measure starts).
    await page.waitForFunction(() => !document.getElementById('suggestions-panel'), undefined, {
      timeout: 120_000,
    });
    panels.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return { ms: median(times), partners, panel: median(panels), panelFirst: panels[0]! };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const ONLY = new Set((process.env.BENCH_ONLY ?? 'paints,views,suggest,map').split(','));

async function main(): Promise<void> {
  const data = await prepareBenchData(SQLITE_URL, (line) => console.log(line));
  console.log(`data: ${JSON.stringify(data)}`);
  const database = openDatabase(SQLITE_URL);
  const app = await buildApp(configWith({ logLevel: 'warn', databaseUrl: SQLITE_URL }), database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  console.log(`${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; ${RUNS} runs each, medians`);
  const baseline = await firstPaint(browser, `${origin}/search`);
  console.log(`baseline (the empty search page: the layout alone): FCP ${baseline.fcp.toFixed(0)} ms`);
  if (ONLY.has('paints')) {
    const home = await firstPaint(browser, `${origin}/`);
    const place = await firstPaint(browser, `${origin}/places/${PLACE}`);
    const placeMap = await partnerMapDrawn(browser, `${origin}/places/${PLACE}`);
    console.log(
      `home: FCP ${home.fcp.toFixed(0)} ms (${(home.fcp / baseline.fcp).toFixed(2)}× baseline), JS ${kb(home.js)}`,
    );
    console.log(
      `locality page (${PLACE}): FCP ${place.fcp.toFixed(0)} ms (${(place.fcp / baseline.fcp).toFixed(2)}× baseline), JS ${kb(place.js)}, data ${kb(place.data)}; partner map of ${placeMap.partners} partners drawn ${placeMap.ms.toFixed(0)} ms after navigation starts; suggested partners in place ${placeMap.panelFirst.toFixed(0)} ms after navigation the first time (ranked), ${placeMap.panel.toFixed(0)} ms median`,
    );
  }
  if (ONLY.has('views')) {
    // The network views: the first request reads the whole network on a heavy-work thread (studies then kept
    // until the data changes, the graph kept in the thread); paints are measured after it.
    const views: [string, string][] = [
      ['network (summary, rankings, growth)', '/network'],
      ['a country (Japan)', '/countries/JP'],
      ['chain (Coventry to Nagasaki)', '/network/chain?from=coventry&to=nagasaki-jp'],
      ['neighbourhood (Coventry, 2 steps)', '/places/coventry/network'],
    ];
    for (const [name, path] of views) {
      const time = async () => {
        const t = performance.now();
        const response = await fetch(`${origin}${path}`);
        const body = await response.text();
        const pending = [...body.matchAll(/class="pending" role="status">([^<]*)</g)].map((m) =>
          m[1]!.trim(),
        );
        return { status: response.status, ms: performance.now() - t, pending };
      };
      const cold = await time();
      const warm = await time();
      const v = await firstPaint(browser, `${origin}${path}`);
      console.log(
        `${name} ${path}: HTTP ${cold.status}, served cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms; FCP ${v.fcp.toFixed(0)} ms (${(v.fcp / baseline.fcp).toFixed(2)}× baseline), JS ${kb(v.js)}${warm.pending.length ? `; not ready when served warm: ${warm.pending.join(' / ')}` : ''}`,
      );
    }
  }
  if (ONLY.has('suggest')) {
    const suggest = await suggestionDelay(browser, origin, 'portsm');
    console.log(`search suggestion on screen after a keystroke: ${suggest} ms (median over "portsm")`);
  }
  if (ONLY.has('map')) {
    const coldStarted = performance.now();
    const mapData = await fetch(`${origin}/map/data.bin`, { headers: { 'accept-encoding': 'gzip' } });
    const mapBytes = Number(
      mapData.headers.get('content-length') ?? (await mapData.arrayBuffer()).byteLength,
    );
    const mapCold = performance.now() - coldStarted;
    const started = performance.now();
    await fetch(`${origin}/map/data.bin`).then((r) => r.arrayBuffer());
    const mapServe = performance.now() - started;
    const map = await worldMap(browser, origin);
    console.log(
      `map: ${map.links} links in force today; ready (fetch, project, draw) ${map.ready.toFixed(0)} ms from script start, of which fetching and decoding ${map.fetch.toFixed(0)} ms, projecting ${map.project.toFixed(0)} ms, drawing ${map.draw.toFixed(0)} ms; drawn ${map.drawnAt.toFixed(0)} ms after navigation starts`,
    );
    console.log(`map: projecting split (places, arcs, basemap ms) per run: ${map.parts}`);
    console.log(
      `map: one slider step ${map.step.toFixed(1)} ms median, ${map.stepMax.toFixed(1)} ms worst of 20`,
    );
    console.log(
      `map: JS ${kb(map.js)}, data ${kb(map.data)} (map data alone ${kb(mapBytes)} gzipped, built in ${mapCold.toFixed(0)} ms once, then sent from memory in ${mapServe.toFixed(0)} ms)`,
    );
  }
  console.log(`load at the end ${loadavg()[0]!.toFixed(1)}`);
  await browser.close();
  await app.close();
  await database.close();
}

await main();
