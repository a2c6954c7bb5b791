import { describe, expect, it } from 'vitest';
import { TwinningError } from '../../src/core/errors.js';
import {
  decodeMatchRef,
  encodeMatchRef,
  gazetteerRef,
  parseGazetteerId,
  type MatchRef,
} from '../../src/core/match-ref.js';

/** Stored references of every kind, as imports have written them. */
const STORED: [string, MatchRef][] = [
  ['geonames:3169070', { kind: 'geonames', geonamesId: 3169070 }],
  [
    'geonames-point:KR:34.85444:128.43306',
    { kind: 'geonames-point', country: 'KR', lat: 34.85444, lon: 128.43306 },
  ],
  ['geonames-point:AR:-34.6:-58.38', { kind: 'geonames-point', country: 'AR', lat: -34.6, lon: -58.38 }],
  ['subdivision:IT-78', { kind: 'subdivision', code: 'IT-78' }],
  ['subdivision:KR.11.11170', { kind: 'subdivision', code: 'KR.11.11170' }],
  ['subdivision:FR.COM.24021', { kind: 'subdivision', code: 'FR.COM.24021' }],
  ['country:FK', { kind: 'country', code: 'FK' }],
  ['seat:2844988', { kind: 'seat', seat: { kind: 'geonames', geonamesId: 2844988 } }],
  [
    'seat:DE:47.85:12.12',
    { kind: 'seat', seat: { kind: 'geonames-point', country: 'DE', lat: 47.85, lon: 12.12 } },
  ],
  [
    'within:1835848:guro|south korea',
    { kind: 'within', parent: { kind: 'geonames', geonamesId: 1835848 }, placeKey: 'guro|south korea' },
  ],
  [
    'within:KR:37.56:126.97:mitino: north|russia',
    {
      kind: 'within',
      parent: { kind: 'geonames-point', country: 'KR', lat: 37.56, lon: 126.97 },
      placeKey: 'mitino: north|russia',
    },
  ],
  [
    'within:RU-MOW:Q4293',
    { kind: 'within', parent: { kind: 'subdivision', code: 'RU-MOW' }, placeKey: 'Q4293' },
  ],
  ['unresolved:atlantis|', { kind: 'unresolved', placeKey: 'atlantis|' }],
  ['unresolved:Q42', { kind: 'unresolved', placeKey: 'Q42' }],
  ['locality:17', { kind: 'locality', localityId: 17 }],
];

describe('match references', () => {
  it.each(STORED)('read %s as a typed value and write it back unchanged', (text, ref) => {
    expect(decodeMatchRef(text)).toEqual(ref);
    expect(encodeMatchRef(ref)).toBe(text);
  });

  it('tell a gazetteer id kind by its form', () => {
    expect(parseGazetteerId('12').kind).toBe('geonames');
    expect(parseGazetteerId('XK').kind).toBe('country');
    expect(parseGazetteerId('GB-ENG').kind).toBe('subdivision');
    expect(parseGazetteerId('US:40.7:-74').kind).toBe('geonames-point');
  });

  it("check a candidate's id against its kind", () => {
    expect(gazetteerRef('subdivision', 'IT-78')).toEqual({ kind: 'subdivision', code: 'IT-78' });
    expect(() => gazetteerRef('country', 'IT-78')).toThrow(TwinningError);
  });

  it.each([
    '',
    'geonames',
    'geonames:',
    'geonames:abc',
    'planet:earth',
    ':12',
    'locality:x',
    'seat:',
    'within:12',
  ])('refuse %j, naming the field', (text) => {
    expect(() => decodeMatchRef(text)).toThrow(
      expect.objectContaining({ code: 'InvalidInput', location: { field: 'matched_ref' } }),
    );
  });
});
