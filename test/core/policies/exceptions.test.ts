import { describe, expect, it } from 'vitest';
import { bundledRuleSet } from '../../../src/registry/policies/rule-set.js';
import { linked, place, proposed, verdictOf } from './rule-fixtures.js';

// The exceptions the rules' texts state, evaluated: the link an exception saves is allowed with the exception
// and its citation in the trace; a link it does not reach keeps the rule's verdict.

const indiana = place('hypothetical-in-state', 'US', 'US-IN', 'state');
const indyTown = place('hypothetical-in-town', 'US', 'US-IN');
const zhejiang = place('hypothetical-cn-province', 'CN', undefined, 'province');
const de = place('hypothetical-de', 'DE');
const paris = place('paris', 'FR');
const rome = place('rome', 'IT');
const berlin = place('hypothetical-berlin', 'DE');

const exceptionStep = (trace: { kind: string; text: string; cite: string[] }[]) =>
  trace.find((t) => t.kind === 'exception');

describe("Indiana HEA 1120: the state's own tie is not a local unit's agreement", () => {
  it('saves the state of Indiana’s link with a Chinese province, naming the exception and its citation', () => {
    const v = verdictOf('us-in-hea-1120', proposed(indiana, zhejiang), '2024-07-01')!;
    expect(v).toMatchObject({ verdict: 'allowed', exception: 'the-state-itself', inForce: true });
    expect(v.clause).toBeUndefined();
    const step = exceptionStep(v.trace)!;
    expect(step.text).toContain("the state's own tie (with Zhejiang) is not a local unit's agreement");
    expect(step.text).toContain('without it the verdict would be prohibited (clause no-new-agreements)');
    expect(step.cite).toEqual(['notes#More on the rules']);
  });
  it('does not save a local unit’s link with the same province', () => {
    const v = verdictOf('us-in-hea-1120', proposed(indyTown, zhejiang), '2024-07-01')!;
    expect(v.verdict).toBe('prohibited');
    expect(v.exception).toBeUndefined();
    expect(exceptionStep(v.trace)).toBeUndefined();
  });
  it('on the boundary: the day before the bar, nothing to save; from the day it takes effect, saved', () => {
    const before = verdictOf('us-in-hea-1120', proposed(indiana, zhejiang), '2024-06-30')!;
    expect(before).toMatchObject({ verdict: 'allowed', inForce: false, exception: 'the-state-itself' });
    expect(exceptionStep(before.trace)!.text).toContain('the rule would allow the link at this date anyway');
    expect(verdictOf('us-in-hea-1120', proposed(indyTown, zhejiang), '2024-06-30')?.verdict).toBe('allowed');
    expect(verdictOf('us-in-hea-1120', proposed(indyTown, zhejiang), '2024-07-01')?.verdict).toBe(
      'prohibited',
    );
    expect(verdictOf('us-in-hea-1120', proposed(indiana, zhejiang), '2024-07-01')?.verdict).toBe('allowed');
  });
  it('leaves alone what the rule never reaches: the state’s link with a country not on the list', () => {
    expect(verdictOf('us-in-hea-1120', proposed(indiana, de), '2024-07-01')).toBeUndefined();
  });
});

describe("Rome and Paris: Paris's partner cities are not twin towns", () => {
  it('saves a partner-city link of Paris, naming the exception and its citations', () => {
    const v = verdictOf(
      'rome-paris-exclusivity',
      linked(paris, berlin, '2000-05-01', { kind: 'partner_town' }),
      '2001-01-01',
    )!;
    expect(v).toMatchObject({ verdict: 'allowed', exception: 'partner-cities' });
    const step = exceptionStep(v.trace)!;
    expect(step.text).toContain("Paris's partner cities are not twin towns");
    expect(step.text).toContain('without it the verdict would be prohibited');
    expect(step.cite).toEqual(['notes#More on the rules', 'seed#Terminology']);
  });
  it('does not save Rome’s partner-town link (the exception names Paris), nor a twin-town link of Paris', () => {
    expect(
      verdictOf('rome-paris-exclusivity', proposed(rome, berlin, 'partner_town'), '2001-01-01'),
    ).toBeUndefined();
    const twin = verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'twin_town'), '2001-01-01')!;
    expect(twin.verdict).toBe('prohibited');
    expect(twin.exception).toBeUndefined();
  });
  it('on the boundary of 9 April 1956: a twin-town link becomes prohibited, a partner-city link stays allowed', () => {
    for (const asOf of ['1956-04-08', '1956-04-09']) {
      expect(
        verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'partner_town'), asOf),
      ).toMatchObject({
        verdict: 'allowed',
        exception: 'partner-cities',
      });
    }
    expect(
      verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'twin_town'), '1956-04-08')?.verdict,
    ).toBe('undetermined');
    expect(
      verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'twin_town'), '1956-04-09')?.verdict,
    ).toBe('prohibited');
  });
});

describe('exceptions recorded but not evaluated', () => {
  it('say why in their note, and every exception has an id and a citation', () => {
    const rules = bundledRuleSet().rules;
    const all = rules.flatMap((r) => r.exceptions.map((x) => ({ rule: r.id, ...x })));
    expect(all.map((x) => x.id).sort()).toEqual([
      'allies-and-taiwan',
      'partner-cities',
      'sherborne-after-brexit',
      'the-state-itself',
    ]);
    for (const x of all) {
      expect(x.cite.length).toBeGreaterThan(0);
      if (x.when === undefined) expect(x.note).toMatch(/^recorded, not evaluated; /);
    }
  });
});
