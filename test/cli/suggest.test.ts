import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestModel } from '../../src/core/suggest/model.js';
import { cli, cliJson } from '../support/cli.js';
import { createTestDatabase } from '../support/databases.js';

describe('twinning suggest [sqlite]', () => {
  let url = '';
  let drop: () => Promise<void> = async () => undefined;
  const dir = mkdtempSync(join(tmpdir(), 'twinning-suggest-'));
  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('sqlite'));
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints ranked suggestions with reasons, and exits 2 on a bad option', async () => {
    const run = await cli(url, 'suggest', 'Coventry', '--limit', '3', '--model', join(dir, 'none.json'));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^New partners for Coventry \(GB\) — heuristic/);
    expect(run.out).toMatch(/\n {2}1\. /);
    expect(run.out).toMatch(/\n {2}3\. /);
    expect((await cli(url, 'suggest', 'Coventry', '--limit', 'ten')).code).toBe(2);
    expect((await cli(url, 'suggest')).code).toBe(2);
  });

  it('trains the same model twice from the same registry and seed, and ranks with it', async () => {
    const file = join(dir, 'model.json');
    const first = await cliJson<SuggestModel>(url, 'suggest', '--train', '--seed', '4', '--model', file);
    expect(first.code).toBe(0);
    const written = readFileSync(file, 'utf8');
    await cliJson<SuggestModel>(url, 'suggest', '--train', '--seed', '4', '--model', file);
    expect(readFileSync(file, 'utf8')).toBe(written);
    // Trees with a linear model fit to the same groups beside them, each feature's weight printed.
    if (first.value.kind !== 'boosted') throw new Error('expected trees');
    expect(first.value.linear?.weights).toHaveLength(first.value.features.length);
    const text = await cli(url, 'suggest', '--train', '--seed', '4', '--model', file);
    expect(text.out).toMatch(/\n {2}200 trees and a linear term; splits per feature, linear weight:\n/);
    expect(text.out).toMatch(/\n {2}resourceAllocation +\d+ +-?\d+\.\d{3}\n/);
    expect(readFileSync(file, 'utf8')).toBe(written);
    const ranked = await cliJson<{ model: string }>(url, 'suggest', 'coventry', '--model', file);
    expect(ranked.value.model).toBe('boosted');
  });
});
