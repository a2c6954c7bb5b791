import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  assertCan,
  can,
  parseScope,
  validateGrant,
  type Action,
  type Principal,
} from '../../src/api/permissions.js';

const principal = (role: Principal['role'], scopes: string[] = []): Principal => ({
  tokenId: 1,
  name: 'test',
  role,
  scopes: scopes.map((s) => parseScope(s)),
});
const place = (key: string, country: string | null) => ({ key, country });
const coventry = place('coventry', 'GB');
const dresden = place('dresden', 'DE');
const kiel = place('kiel', 'DE');
const tokyo = place('tokyo', 'JP');

describe('permission rules', () => {
  it('lets an admin do everything and a reader only read', () => {
    for (const action of ACTIONS) {
      expect(can(principal('admin'), action, { localities: [coventry] })).toBe(true);
      expect(can(principal('reader'), action, { localities: [coventry] })).toBe(
        action === 'read' || action === 'readAudit',
      );
    }
  });

  it('lets a city office edit its own links only, and its own record', () => {
    const office = principal('editor', ['locality:coventry']);
    expect(can(office, 'updateLink', { localities: [coventry, dresden] })).toBe(true);
    expect(can(office, 'appendEvent', { localities: [dresden, coventry] })).toBe(true);
    expect(can(office, 'updateLink', { localities: [dresden, kiel] })).toBe(false);
    expect(can(office, 'updateLocality', { localities: [coventry, coventry] })).toBe(true);
    expect(can(office, 'updateLocality', { localities: [kiel, kiel] })).toBe(false);
  });

  it('never lets a locality scope create a locality, only a country scope for that country', () => {
    const office = principal('editor', ['locality:new-town']);
    expect(can(office, 'createLocality', { localities: [place('new-town', 'GB')] })).toBe(false);
    const german = principal('editor', ['country:DE']);
    expect(can(german, 'createLocality', { localities: [place('neustadt', 'DE')] })).toBe(true);
    expect(can(german, 'createLocality', { localities: [place('newtown', 'GB')] })).toBe(false);
    expect(can(german, 'createLocality', { localities: [place('nowhere', null)] })).toBe(false);
  });

  it('lets a country editor edit links with a side in the country, and move a place only within its scopes', () => {
    const german = principal('editor', ['country:DE']);
    expect(can(german, 'createLink', { localities: [coventry, dresden] })).toBe(true);
    expect(can(german, 'createLink', { localities: [coventry, tokyo] })).toBe(false);
    expect(can(german, 'updateLocality', { localities: [kiel, place('kiel', 'FR')] })).toBe(false);
    const both = principal('editor', ['country:DE', 'country:FR']);
    expect(can(both, 'updateLocality', { localities: [kiel, place('kiel', 'FR')] })).toBe(true);
  });

  it('keeps merging to admins and refuses an empty subject to an editor', () => {
    expect(can(principal('editor', ['country:DE']), 'mergeLocalities', { localities: [kiel, dresden] })).toBe(
      false,
    );
    expect(can(principal('editor', ['country:DE']), 'updateLocality', { localities: [] })).toBe(false);
  });

  it('says who may not do what', () => {
    const action: Action = 'updateLink';
    expect(() =>
      assertCan(principal('editor', ['country:JP']), action, { localities: [coventry, kiel] }),
    ).toThrow(/may not updateLink for coventry \(GB\) and kiel \(DE\)/);
    expect(() => assertCan(principal('reader'), action, { localities: [kiel] })).toThrow(
      /a reader token may not updateLink/,
    );
  });
});

describe('scopes and grants', () => {
  it('parses and normalises scopes, refusing anything else', () => {
    expect(parseScope('country:de')).toEqual({ type: 'country', country: 'DE' });
    expect(parseScope('locality:coventry')).toEqual({ type: 'locality', key: 'coventry' });
    expect(() => parseScope('country:XX')).toThrow(/not an ISO 3166-1/);
    expect(() => parseScope('city:coventry')).toThrow(/not a scope/);
    expect(() => parseScope('locality:Coventry City')).toThrow(/not a locality key/);
  });

  it('gives scopes to editors only, and at least one', () => {
    expect(validateGrant('editor', [parseScope('country:DE')])).toBe('editor');
    expect(() => validateGrant('editor', [])).toThrow(/at least one scope/);
    expect(() => validateGrant('admin', [parseScope('country:DE')])).toThrow(/an admin takes no scope/);
    expect(() => validateGrant('owner', [])).toThrow(/not a role/);
  });
});
