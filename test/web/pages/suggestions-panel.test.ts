import { describe, expect, it } from 'vitest';
import { TwinningError } from '../../../src/core/errors.js';
import type { Suggestions } from '../../../src/registry/suggest/suggestions.js';
import { suggestionsPanel } from '../../../src/web/pages/suggestions-panel.js';

const view: Suggestions = {
  locality: { key: 'nagasaki', name: 'Nagasaki', country: 'JP' },
  asOf: null,
  kind: null,
  model: 'logistic',
  note: null,
  suggestions: [
    {
      rank: 1,
      key: 'honolulu',
      name: 'Honolulu <b>',
      country: 'US',
      score: 1.5,
      reasons: [{ code: 'common_partners', text: '2 of your partners are partners of Honolulu' }],
      rules: [{ rule: 'r', title: 'A law', citation: 'Act 1', verdict: 'must_notify' }],
    },
  ],
  removed: [{ key: 'x', name: 'Xi', country: 'CN', reason: 'A law (Act 2) prohibits it', rule: 'r2' }],
};

describe('the suggestions panel', () => {
  it('lists each suggestion with its reasons, the rules that ask something, and what was left out, escaped', async () => {
    const html = String(await suggestionsPanel(async () => view));
    expect(html).toContain('href="/places/honolulu"');
    expect(html).toContain('Honolulu &lt;b&gt;');
    expect(html).toContain('<li>2 of your partners are partners of Honolulu</li>');
    expect(html).toContain('must notify');
    expect(html).toContain('Xi (A law (Act 2) prohibits it)');
  });
  it('says so when the worker pool is busy, and shows nothing without a source', async () => {
    const busy = String(
      await suggestionsPanel(async () => {
        throw new TwinningError('Overloaded', 'busy');
      }),
    );
    expect(busy).toContain('The server is busy');
    expect(await suggestionsPanel(undefined)).toBe('');
  });
});
