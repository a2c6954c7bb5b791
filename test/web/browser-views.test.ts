import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { placeLocalities } from './placed-localities.js';
import { chromiumAvailable, seriousViolations, startBrowserHarness, type BrowserHarness } from './browser.js';

describe.runIf(chromiumAvailable())('the network views, rule verdicts and adding a link, in Chromium', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
    await placeLocalities(harness.api);
    // The network pages wait a few seconds for their studies; these are kept once the API has computed them.
    const studies = [
      'summary',
      'partners?limit=20',
      'betweenness?limit=20',
      'countries?limit=20',
      'time',
      'time?of=GB',
    ];
    for (const study of studies) await harness.api.app.inject({ url: `/v1/analytics/${study}` });
  });
  afterAll(async () => harness?.close());
  afterEach(() => {
    // Every test fails if a page asked any host but the server for anything.
    expect(harness.foreign.splice(0)).toEqual([]);
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  /** Signs a page in through the sign-in form, as a person would. */
  async function signIn(page: Page, token: string, next: string): Promise<void> {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('API token').fill(token);
    await Promise.all([page.waitForURL(`**${next}`), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  it('asks how two places are connected and follows the chain and a country', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    await Promise.all([page.waitForURL('**/network'), page.getByRole('link', { name: 'Network' }).click()]);
    expect(await heading(page)).toBe('The network of twinnings');
    expect(await page.getByRole('table', { name: /KONECT/ }).textContent()).toMatch(/Diameter\s*\d/);
    await page.getByLabel('From (a name or a key)').fill('Kiel');
    await page.getByLabel('To (a name or a key)').fill('Hamburg');
    await Promise.all([
      page.waitForURL('**/network/chain?from=Kiel&to=Hamburg'),
      page.getByRole('button', { name: 'Find the shortest chain' }).click(),
    ]);
    const steps = page.locator('ol.chain-steps > li');
    expect(await steps.allTextContents()).toHaveLength(4);
    await Promise.all([
      page.waitForURL('**/places/coventry'),
      steps.getByRole('link', { name: 'Coventry' }).click(),
    ]);
    await Promise.all([
      page.waitForURL('**/countries/GB'),
      page.getByRole('link', { name: 'Twinnings of United Kingdom' }).click(),
    ]);
    expect(await heading(page)).toBe('Twinnings of United Kingdom');
    const matrix = page.getByRole('table', { name: /a row per partner country/ });
    expect(await matrix.getByRole('rowheader', { name: 'Germany' }).count()).toBe(1);
    expect(await page.locator('svg.chart rect.formed').count()).toBeGreaterThan(0);
  });

  it("opens a place's neighbourhood and moves to a partner's by clicking its dot", async () => {
    const page = await harness.newPage();
    await page.goto('/places/coventry');
    await Promise.all([
      page.waitForURL('**/places/coventry/network'),
      page.getByRole('link', { name: 'Its neighbourhood in the network' }).click(),
    ]);
    expect(await page.locator('svg.network a.node').count()).toBe(5);
    await Promise.all([
      page.waitForURL('**/places/dresden/network'),
      page.locator('svg.network a[href="/places/dresden/network"] circle').click(),
    ]);
    expect(await heading(page)).toBe('The network around Dresden');
  });

  it("draws a place's partners on its small map, and shows the rules' verdicts with their reasoning", async () => {
    const page = await harness.newPage();
    await page.goto('/places/coventry');
    const canvas = page.locator('#partner-map-canvas');
    await expect.poll(() => canvas.getAttribute('data-drawn'), { timeout: 20_000 }).toBe('4');
    expect(await page.locator('#partner-map-table tbody tr').count()).toBe(4);
    await page.goto('/places/victoria?date=2021-05-01');
    const verdicts = page.getByRole('table', { name: 'Verdicts that ask something of a link' });
    expect(await verdicts.locator('tbody tr').count()).toBe(3);
    const why = verdicts.locator('details').first();
    await why.locator('summary').click();
    expect(await why.textContent()).toContain('2021-04-21');
  });

  it('signs an editor in through the form, adds a link with its source, explains a 409, and signs out', async () => {
    const page = await harness.newPage();
    await signIn(page, harness.api.tokens.editorCoventry, '/places/coventry');
    await Promise.all([
      page.waitForURL('**/links/new?a=coventry'),
      page.getByRole('link', { name: 'Add a link from this place' }).click(),
    ]);
    const fill = async () => {
      await page.getByLabel('The other place (its key or its name)').fill('toledo-es');
      await page.getByLabel('Kind').selectOption('twin_town');
      await page.getByLabel(/^When/).fill('2003');
      await page.getByLabel('Source', { exact: true }).selectOption('seed');
      await page.getByRole('button', { name: 'Add the link' }).click();
    };
    await Promise.all([page.waitForURL(/\/links\/\d+$/), fill()]);
    expect(await heading(page)).toBe('Coventry and Toledo');
    expect(await page.locator('ol.timeline').textContent()).toMatch(/2003\s+formalised/);
    await page.goto('/links/new?a=coventry');
    await fill();
    await expect.poll(() => heading(page)).toBe('These two places are already linked');
    await Promise.all([page.waitForURL('**/'), page.getByRole('button', { name: 'Sign out' }).click()]);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await page.goto('/places/coventry');
    expect(await page.getByRole('link', { name: 'Add a link from this place' }).count()).toBe(0);
  });

  it.each([
    '/network',
    '/countries/GB',
    '/network/chain?from=Kiel&to=Hamburg',
    '/places/coventry/network',
    '/places/coventry',
    '/places/victoria?date=2021-05-01',
    '/sign-in',
  ])('has no serious or critical axe-core violation on %s', async (path) => {
    const page = await harness.newPage();
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious or critical axe-core violation on the new-link form', async () => {
    const page = await harness.newPage();
    await signIn(page, harness.api.tokens.editorCoventry, '/links/new?a=coventry');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
