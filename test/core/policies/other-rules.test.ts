import { describe, expect, it } from 'vitest';
import { bundledRuleSet } from '../../../src/registry/policies/rule-set.js';
import { evaluateMemberships } from '../../../src/core/policies/membership.js';
import { d, linked, place, proposed, verdictOf } from './rule-fixtures.js';
import type { LinkSubject } from '../../../src/core/policies/subject.js';

const melbourne = place('hypothetical-vic', 'AU', 'AU-VIC');
const jp = place('hypothetical-jp', 'JP');
const ankara = place('hypothetical-tr', 'TR');
const bg = place('hypothetical-bg', 'BG');
const fr = place('hypothetical-fr', 'FR');
const rome = place('rome', 'IT');
const paris = place('paris', 'FR');
const berlin = place('hypothetical-de', 'DE');
const sf = place('san-francisco', 'US', 'US-CA');

describe("Australia's Foreign Relations Act 2020", () => {
  it('asks nothing before 2020-12-10 and a notification from that day', () => {
    expect(verdictOf('au-foreign-relations-act-2020', proposed(melbourne, jp), '2020-12-09')).toMatchObject({
      verdict: 'allowed',
      inForce: false,
    });
    expect(verdictOf('au-foreign-relations-act-2020', proposed(melbourne, jp), '2020-12-10')?.verdict).toBe(
      'must_notify',
    );
  });
  it('gives existing arrangements until 2021-06-10 to be notified', () => {
    expect(
      verdictOf('au-foreign-relations-act-2020', linked(melbourne, jp, '1990'), '2021-01-01'),
    ).toMatchObject({ verdict: 'must_notify', deadline: '2021-06-10' });
  });
  it('does not reach a link within Australia', () => {
    expect(
      verdictOf(
        'au-foreign-relations-act-2020',
        proposed(melbourne, place('hypothetical-nsw', 'AU', 'AU-NSW')),
        '2022-01-01',
      ),
    ).toBeUndefined();
  });
  it("shows Victoria's Belt and Road agreements as cancelled by the federal decision of 2021-04-21", () => {
    const victoria = place('victoria', 'AU', 'AU-VIC', 'state');
    const china = place('china', 'CN', undefined, 'country');
    const link = linked(victoria, china, null, { ended: '2021-04-21' });
    const v = verdictOf('au-foreign-relations-act-2020', link, '2021-04-21')!;
    expect(v.verdict).toBe('cancelled');
    expect(v.trace.find((t) => t.kind === 'decision')?.text).toContain(
      'the Australian Foreign Minister on 2021-04-21',
    );
    expect(verdictOf('au-foreign-relations-act-2020', link, '2021-04-20')?.verdict).toBe('must_notify');
  });
});

describe('Turkey', () => {
  it('needs ministerial permission for a Turkish municipality (no start date: marked uncertain)', () => {
    const v = verdictOf('tr-municipal-law-5393', proposed(ankara, fr), '2020-01-01')!;
    expect(v).toMatchObject({ verdict: 'needs_approval', uncertain: true });
  });
  it('does not reach a link between two non-Turkish towns', () => {
    expect(verdictOf('tr-municipal-law-5393', proposed(fr, bg), '2020-01-01')).toBeUndefined();
  });
  it('the 2008 directive reaches Bulgarian partners only from Bulgaria’s recognition (2016)', () => {
    const link = linked(ankara, bg, '1995');
    expect(verdictOf('tr-directive-2008', link, '2015-12-31')).toBeUndefined();
    expect(verdictOf('tr-directive-2008', link, '2016-06-01')?.verdict).toBe('undetermined');
    expect(verdictOf('tr-directive-2008', link, '2017-01-01')?.verdict).toBe('prohibited');
    expect(verdictOf('tr-directive-2008', link, '2008-07-17')).toBeUndefined();
  });
});

describe('Rome and Paris', () => {
  it('prohibits another twin-town link for Paris, allows a partner city', () => {
    expect(
      verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'twin_town'), '2000-01-01')?.verdict,
    ).toBe('prohibited');
    expect(
      verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'partner_town'), '2000-01-01'),
    ).toMatchObject({ verdict: 'allowed', exception: 'partner-cities' });
    expect(
      verdictOf('rome-paris-exclusivity', proposed(paris, berlin, 'friendship_city'), '2000-01-01'),
    ).toBeUndefined();
    expect(
      verdictOf(
        'rome-paris-exclusivity',
        linked(rome, paris, '1956-04-09', { kind: 'twin_town' }),
        '2000-01-01',
      )?.verdict,
    ).toBe('allowed');
  });
  it('cannot tell between the two dates the sources give (30 January and 9 April 1956)', () => {
    expect(
      verdictOf('rome-paris-exclusivity', proposed(rome, berlin, 'twin_town'), '1956-01-29'),
    ).toMatchObject({ verdict: 'allowed', inForce: false });
    expect(
      verdictOf('rome-paris-exclusivity', proposed(rome, berlin, 'twin_town'), '1956-02-15')?.verdict,
    ).toBe('undetermined');
    expect(
      verdictOf('rome-paris-exclusivity', proposed(rome, berlin, 'twin_town'), '1956-04-09')?.verdict,
    ).toBe('prohibited');
  });
});

describe('one partner per country (San Francisco)', () => {
  const tokyo = place('hypothetical-tokyo', 'JP');
  const older = linked(sf, tokyo, '1960', { id: 1 });
  const linksOf = (extra: LinkSubject) => () => [older, extra];
  it('prohibits a second partner in a country, allows one in another', () => {
    const kyoto = proposed(sf, place('hypothetical-kyoto', 'JP'));
    expect(
      verdictOf('us-ca-san-francisco-one-per-country', kyoto, '2000-01-01', linksOf(kyoto))?.verdict,
    ).toBe('prohibited');
    const lyon = proposed(sf, place('hypothetical-lyon', 'FR'));
    expect(verdictOf('us-ca-san-francisco-one-per-country', lyon, '2000-01-01', linksOf(lyon))?.verdict).toBe(
      'allowed',
    );
  });
  it('allows the second once the first has ended (boundary: the day it ends)', () => {
    const ending = linked(sf, tokyo, '1960', { id: 1, ended: '2010-05-01' });
    const kyoto = proposed(sf, place('hypothetical-kyoto', 'JP'));
    const others = () => [ending, kyoto];
    expect(verdictOf('us-ca-san-francisco-one-per-country', kyoto, '2010-04-30', others)?.verdict).toBe(
      'prohibited',
    );
    expect(verdictOf('us-ca-san-francisco-one-per-country', kyoto, '2010-05-01', others)?.verdict).toBe(
      'allowed',
    );
  });
});

describe('the Douzelage: one town per member state', () => {
  const rule = bundledRuleSet().rules.find((r) => r.id === 'douzelage-one-per-state')!;
  const member = (key: string, country: string, from: string, to?: string) => ({
    association: 'douzelage',
    member: place(key, country),
    from: d(from),
    to: to === undefined ? undefined : d(to),
  });
  it('allows one town per state and prohibits a second from the same state', () => {
    const result = evaluateMemberships(
      rule,
      [member('town-fr-1', 'FR', '1991'), member('town-de', 'DE', '1991'), member('town-fr-2', 'FR', '2000')],
      d('2005-01-01'),
    );
    const byKey = Object.fromEntries(result.map((r) => [r.membership.member.key, r.verdict.verdict]));
    expect(byKey).toEqual({ 'town-fr-1': 'allowed', 'town-de': 'allowed', 'town-fr-2': 'prohibited' });
  });
  it('prohibits a replacement while the former member holds the seat, allows it from the day it left', () => {
    const members = [
      member('town-fr-1', 'FR', '1991', '2010-06-02'),
      member('town-fr-2', 'FR', '2010-06-01'),
    ];
    const before = evaluateMemberships(rule, members, d('2010-06-01')).find(
      (r) => r.membership.member.key === 'town-fr-2',
    );
    expect(before?.verdict.verdict).toBe('prohibited');
    const after = evaluateMemberships(rule, members, d('2010-06-02'));
    expect(after.map((r) => [r.membership.member.key, r.verdict.verdict])).toEqual([
      ['town-fr-2', 'allowed'],
    ]);
  });
});
