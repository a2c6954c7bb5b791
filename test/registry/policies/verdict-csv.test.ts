import { describe, expect, it } from 'vitest';
import { verdictsCsv } from '../../../src/registry/policies/verdict-csv.js';
import { place, proposed, verdictOf } from '../../core/policies/rule-fixtures.js';

describe('verdict CSV', () => {
  it('gives as the reason of a link an exception saves the exception, not the clause it was saved from', () => {
    const indiana = place('hypothetical-in-state', 'US', 'US-IN', 'state');
    const zhejiang = place('hypothetical-cn-province', 'CN', undefined, 'province');
    const result = verdictOf('us-in-hea-1120', proposed(indiana, zhejiang), '2024-07-01')!;
    const party = (key: string) => ({ key, name: key, country: null, subdivision: null });
    const csv = verdictsCsv([
      {
        linkId: null,
        association: null,
        a: party(indiana.key),
        b: party(zhejiang.key),
        kind: null,
        status: 'proposed',
        result,
      },
    ]);
    const row = csv.trim().split(/\r?\n/)[1]!;
    expect(row).toContain(',allowed,');
    expect(row).toContain("exception the-state-itself: the state's own tie (with Zhejiang)");
  });
});
