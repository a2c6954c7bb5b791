import { describe, expect, it } from 'vitest';
import { linked, place, proposed, verdictOf } from './rule-fixtures.js';

const indy = place('hypothetical-in', 'US', 'US-IN');
const austin = place('hypothetical-tx', 'US', 'US-TX');
const littleRock = place('hypothetical-ar', 'US', 'US-AR');
const cn = place('hypothetical-cn', 'CN');
const ru = place('hypothetical-ru', 'RU');
const fr = place('hypothetical-fr', 'FR');
const ve = place('hypothetical-ve', 'VE');

describe('Indiana HEA 1120', () => {
  it('prohibits a proposed link with a Chinese city on 2024-07-01, with its citation in the trace', () => {
    const v = verdictOf('us-in-hea-1120', proposed(indy, cn), '2024-07-01')!;
    expect(v.verdict).toBe('prohibited');
    expect(v.citation).toBe('Indiana HEA 1120 (2024)');
    expect(v.trace.some((t) => t.cite.includes('notes#Laws and policies that constrain twinning'))).toBe(
      true,
    );
    expect(v.trace.some((t) => t.text.includes('15 CFR 791.4 (cited as 15 CFR 7.4)'))).toBe(true);
  });
  it('allows the same link on 2023-01-01 (not in force) and on the day before it takes effect', () => {
    expect(verdictOf('us-in-hea-1120', proposed(indy, cn), '2023-01-01')).toMatchObject({
      verdict: 'allowed',
      inForce: false,
    });
    expect(verdictOf('us-in-hea-1120', proposed(indy, cn), '2024-06-30')).toMatchObject({
      verdict: 'allowed',
      inForce: false,
    });
  });
  it('marks a link formed before 2024-07-01 as contested, and does not reach a French partner', () => {
    const v = verdictOf('us-in-hea-1120', linked(indy, cn, '2010'), '2025-01-01')!;
    expect(v.verdict).toBe('contested');
    expect(v.trace.some((t) => t.kind === 'interpretation')).toBe(true);
    expect(verdictOf('us-in-hea-1120', proposed(indy, fr), '2025-01-01')).toBeUndefined();
  });
  it('treats a Venezuelan partner as undetermined (the list names the Maduro government)', () => {
    expect(verdictOf('us-in-hea-1120', proposed(indy, ve), '2025-01-01')?.verdict).toBe('undetermined');
  });
});

describe('Texas Government Code ch. 795', () => {
  const existing = linked(austin, ru, null);
  it('does not touch an existing link on 2025-08-31', () => {
    expect(verdictOf('us-tx-hb-128', existing, '2025-08-31')).toMatchObject({
      verdict: 'allowed',
      inForce: false,
    });
  });
  it('gives existing links until 2025-10-01, and reports them past the deadline on 2025-10-02', () => {
    expect(verdictOf('us-tx-hb-128', linked(austin, ru, '1990'), '2025-10-01')).toMatchObject({
      verdict: 'must_end_by',
      deadline: '2025-10-01',
    });
    expect(verdictOf('us-tx-hb-128', existing, '2025-10-02')).toMatchObject({
      verdict: 'past_deadline',
      deadline: '2025-10-01',
    });
  });
  it('prohibits a new link from 2025-09-01, allows one with France', () => {
    expect(verdictOf('us-tx-hb-128', proposed(austin, cn), '2025-09-01')?.verdict).toBe('prohibited');
    expect(verdictOf('us-tx-hb-128', proposed(austin, fr), '2025-09-01')).toBeUndefined();
  });
  it('asks nothing of a link that ended before the deadline', () => {
    expect(
      verdictOf('us-tx-hb-128', linked(austin, cn, '1990', { ended: '2025-09-15' }), '2025-10-02')?.verdict,
    ).toBe('allowed');
  });
});

describe('Arkansas § 14-1-116', () => {
  it('prohibits a new link with a listed country from 2025-08-05, flagged uncertain (membership inferred)', () => {
    const v = verdictOf('us-ar-14-1-116', proposed(littleRock, cn), '2025-08-05')!;
    expect(v.verdict).toBe('prohibited');
    expect(v.uncertain).toBe(true);
    expect(v.trace.some((t) => t.text.includes('as it stood on 2025-01-01'))).toBe(true);
  });
  it('orders a link formed before 2025-08-05 ended, and leaves it alone the day before', () => {
    expect(verdictOf('us-ar-14-1-116', linked(littleRock, cn, '2001'), '2025-08-05')?.verdict).toBe(
      'must_end_by',
    );
    expect(verdictOf('us-ar-14-1-116', linked(littleRock, cn, '2001'), '2025-08-04')).toMatchObject({
      verdict: 'allowed',
      inForce: false,
    });
  });
  it('cannot tell for a country the partial list does not name', () => {
    expect(verdictOf('us-ar-14-1-116', proposed(littleRock, fr), '2025-09-01')?.verdict).toBe('undetermined');
  });
});
