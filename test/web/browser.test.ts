import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { placeLocalities } from './placed-localities.js';
import { chromiumAvailable, seriousViolations, startBrowserHarness, type BrowserHarness } from './browser.js';

describe.runIf(chromiumAvailable())('the web app in Chromium', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(async () => harness?.close());
  afterEach(() => {
    // Every test fails if a page asked any host but the server for anything.
    expect(harness.foreign.splice(0)).toEqual([]);
  });

  it('suggests places as you type, with country, and opens one with the keyboard', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search places' });
    await box.pressSequentially('stalin');
    const option = page.getByRole('option').first();
    await expect.poll(() => option.textContent()).toContain('Volgograd');
    expect(await option.textContent()).toContain('Russian Federation');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await Promise.all([page.waitForURL('**/places/volgograd'), box.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Volgograd');
  });

  it('tells namesakes apart and closes the suggestions on Escape', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search places' });
    await box.pressSequentially('toledo');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThanOrEqual(2);
    const texts = await page.getByRole('option').allTextContents();
    expect(texts.some((t) => t.includes('Spain'))).toBe(true);
    expect(texts.some((t) => t.includes('United States of America'))).toBe(true);
    await box.press('Escape');
    expect(await page.getByRole('listbox').isHidden()).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
  });

  it('searches with the plain form when scripts are off', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false });
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search places' }).fill('Stalingrad');
    await Promise.all([
      page.waitForURL('**/search?q=Stalingrad'),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    await Promise.all([
      page.waitForURL('**/places/volgograd'),
      page.getByRole('link', { name: 'Volgograd' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Volgograd');
  });

  it('shows a locality at a chosen date and goes on to a link page', async () => {
    const page = await harness.newPage();
    await page.goto('/places/coventry');
    await page.getByLabel('Show partners at a date').fill('1950');
    await Promise.all([
      page.waitForURL('**/places/coventry?date=1950'),
      page.getByRole('button', { name: 'Show' }).click(),
    ]);
    const inForce = page.getByRole('table', { name: 'In force' });
    expect(await inForce.textContent()).toContain('Stalingrad');
    // The suggested partners come after the page, put in place by its script.
    await expect
      .poll(() => page.getByRole('region', { name: 'Suggested partners' }).textContent(), { timeout: 20_000 })
      .toMatch(/ranked by/);
    await Promise.all([
      page.waitForURL('**/links/*'),
      inForce.getByRole('link', { name: 'History and sources of the link with Stalingrad' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Coventry and Volgograd');
    const timeline = await page.locator('ol.timeline').textContent();
    expect(timeline).toMatch(/1942\s+first contact[\s\S]*2022-03-22\s+paused/);
  });

  it("draws the links at the slider's year, filters them, keeps the view in the URL and opens a place", async () => {
    await placeLocalities(harness.api);
    const page = await harness.newPage();
    await page.goto('/map');
    const canvas = page.locator('#map-canvas');
    await expect.poll(() => canvas.getAttribute('data-links'), { timeout: 20_000 }).toBe('3');
    await expect.poll(() => page.locator('#map-table tbody tr').count()).toBe(3);
    await page.getByLabel(/^Year/).fill('1950');
    await expect.poll(() => canvas.getAttribute('data-links')).toBe('2');
    await expect.poll(() => page.url()).toMatch(/\/map\?date=1950$/);
    await expect.poll(() => page.locator('#map-table').textContent()).toContain('Volgograd');
    await page.getByLabel(/^Year/).fill('2026');
    await page.getByLabel('Status').selectOption('paused');
    await expect.poll(() => canvas.getAttribute('data-links')).toBe('1');
    expect(page.url()).toMatch(/status=paused/);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.url()).toMatch(/z=1\.50/);

    const shared = await harness.newPage();
    await shared.goto(page.url().replace(harness.origin, ''));
    await expect
      .poll(() => shared.locator('#map-canvas').getAttribute('data-links'), { timeout: 20_000 })
      .toBe('1');
    expect(await shared.getByLabel('Status').inputValue()).toBe('paused');
    const point = await shared.evaluate(() =>
      (
        globalThis as unknown as { twinningMap: { pagePoint(key: string): [number, number] } }
      ).twinningMap.pagePoint('coventry'),
    );
    await shared.mouse.move(point[0], point[1]);
    await expect.poll(() => shared.locator('#map-tip').textContent()).toContain('Coventry');
    await Promise.all([shared.waitForURL('**/places/coventry'), shared.mouse.click(point[0], point[1])]);
  });

  it.each(['/', '/map', '/search?q=toledo', '/places/coventry', '/places/volgograd?date=1950', '/links/1'])(
    'has no serious or critical axe-core violation on %s',
    async (path) => {
      const page = await harness.newPage();
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('notices a request to another host', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    await page.evaluate(() => fetch('http://example.invalid/probe').catch(() => undefined));
    await expect.poll(() => harness.foreign.join(' ')).toContain('example.invalid/probe');
    harness.foreign.splice(0);
  });
});
