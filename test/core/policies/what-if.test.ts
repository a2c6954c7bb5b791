import { describe, expect, it } from 'vitest';
import { TwinningError } from '../../../src/core/errors.js';
import { evaluate } from '../../../src/core/policies/evaluate.js';
import { applyRuleChanges } from '../../../src/core/policies/what-if.js';
import { bundledRuleSet } from '../../../src/registry/policies/rule-set.js';
import { d, linked, place, TODAY } from './rule-fixtures.js';

const dc = place('hypothetical-dc', 'US', 'US-DC');
const cn = place('hypothetical-cn', 'CN');
const tie = linked(dc, cn, '2000');
const billVerdict = (set = bundledRuleSet(), asOf = '2025-03-01') =>
  evaluate(tie, set, d(asOf), { today: TODAY }).find((v) => v.rule === 'us-dc-sister-city-integrity-act');

describe('what-if', () => {
  it('a bill asks nothing until taken as enacted; then ties end within 180 days', () => {
    expect(billVerdict()).toMatchObject({ verdict: 'allowed', inForce: false });
    const enacted = applyRuleChanges(bundledRuleSet(), {
      enact: [{ rule: 'us-dc-sister-city-integrity-act', date: d('2025-01-01') }],
    });
    expect(billVerdict(enacted)).toMatchObject({ verdict: 'must_end_by', deadline: '2025-06-30' });
    expect(billVerdict(enacted, '2025-06-30')?.verdict).toBe('must_end_by');
    expect(billVerdict(enacted, '2025-07-01')?.verdict).toBe('past_deadline');
  });
  it('removes and replaces rules without changing the set it was given', () => {
    const base = bundledRuleSet();
    const count = base.rules.length;
    const without = applyRuleChanges(base, { remove: ['us-tx-hb-128'] });
    expect(without.rules.map((r) => r.id)).not.toContain('us-tx-hb-128');
    expect(base.rules).toHaveLength(count);
    const tx = base.rules.find((r) => r.id === 'us-tx-hb-128')!;
    const changed = applyRuleChanges(base, {
      add: [{ ...tx, jurisdiction: 'US-OK', binds: { ...tx.binds, jurisdictions: ['US-OK'] } }],
    });
    expect(changed.rules.filter((r) => r.id === 'us-tx-hb-128').map((r) => r.jurisdiction)).toEqual([
      'US-OK',
    ]);
    expect(() => applyRuleChanges(base, { remove: ['no-such-rule'] })).toThrow(TwinningError);
  });
});
