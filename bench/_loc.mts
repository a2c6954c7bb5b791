import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/api/app.js';
import { configWith } from '../src/api/config.js';
import { openDatabase } from '../src/store/database.js';
const URL_ = '/tmp/twinning-bench-web/registry.sqlite';
const database = openDatabase(URL_);
const app = await buildApp(configWith({ logLevel: 'warn', databaseUrl: URL_ }), database);
await app.listen({ host: '127.0.0.1', port: 0 });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const path of ['/search', '/places/coventry', '/search', '/places/coventry', '/places/coventry', '/places/coventry']) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const t = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { req: n.requestStart, resStart: n.responseStart, resEnd: n.responseEnd, dcl: n.domContentLoadedEventStart, fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${r.name.replace(/.*\//, '')} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`).join(', ') };
  });
  console.log(path, JSON.stringify(t, (k, v) => (typeof v === 'number' ? Math.round(v) : v)));
  await ctx.close();
}
await browser.close();
await app.close();
