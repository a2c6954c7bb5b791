import { describe, expect, it } from 'vitest';
import { bareKey, coreKey, gazetteerKeys, matchKey, seatKey, skeletonKey } from '../../src/core/name-keys.js';

describe('name keys', () => {
  it('spell Saint, St. and Sankt one way', () => {
    expect(matchKey('St. Petersburg')).toBe(matchKey('Saint Petersburg'));
    expect(matchKey('Sankt Petersburg')).toBe('saint petersburg');
  });

  it('keep a word that names a property of plain objects as it is', () => {
    expect(matchKey('Constructor')).toBe('constructor');
    expect(matchKey('St. Constructor')).toBe('saint constructor');
  });

  it('fold case and diacritics, keep non-Latin scripts', () => {
    expect(matchKey('KRAKÓW')).toBe('krakow');
    expect(matchKey('Рим')).toBe('рим');
    expect(gazetteerKeys('罗马市')).toEqual(['罗马市', '罗马']);
  });

  it('drop generic words for a core key', () => {
    expect(coreKey(matchKey('Oświęcim County'))).toBe('oswiecim');
    expect(coreKey(matchKey('Setagaya-ku'))).toBe('setagaya');
    expect(coreKey(matchKey('City of Sydney'))).toBe('sydney');
  });

  it('make transliteration variants meet (Kyiv and Kiev, Kharkov and Charkow, Gyumri and Giumri)', () => {
    expect(skeletonKey('kyiv')).toBe(skeletonKey('kiev'));
    expect(skeletonKey('kharkov')).toBe(skeletonKey('charkow'));
    expect(skeletonKey('gyumri')).toBe(skeletonKey('giumri'));
    expect(skeletonKey('paris')).not.toBe(skeletonKey('perth'));
  });

  it("find the seat a unit is named after, but not in a settlement's own name", () => {
    expect(seatKey(matchKey('Landkreis Rosenheim'))).toBe('rosenheim');
    expect(seatKey(matchKey('Borough of Kirklees'))).toBe('kirklees');
    expect(seatKey(matchKey('Gmina Lubicz'))).toBe('lubicz');
    expect(seatKey(matchKey('Oświęcim County'))).toBe('oswiecim');
    expect(seatKey(matchKey('Greater Bendigo'))).toBe('bendigo');
    expect(seatKey(matchKey('City of Sydney'))).toBeUndefined();
    expect(seatKey(matchKey('Rosenheim'))).toBeUndefined();
  });

  it('keep "Greater" and "Island" in gazetteer names, which are often names of their own', () => {
    expect(gazetteerKeys('Greater Noida')).toEqual(['greater noida']);
    expect(gazetteerKeys('Mercer Island')).toEqual(['mercer island']);
    expect(gazetteerKeys('Budapest XII. kerület')).toEqual(['budapest xii kerulet', 'budapest xii']);
  });

  it('shorten a name by its connector words as "Kirchheim/Teck" does', () => {
    expect(bareKey(matchKey('Kirchheim unter Teck'))).toBe(matchKey('Kirchheim/Teck'));
    expect(bareKey(matchKey('Frankfurt am Main'))).toBe('frankfurt main');
    expect(bareKey(matchKey('Stratford-upon-Avon'))).toBe('stratford avon');
    expect(bareKey('paris')).toBe('paris');
  });
});
