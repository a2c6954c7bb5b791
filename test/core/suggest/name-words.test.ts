import { describe, expect, it } from 'vitest';
import { nameWordIndex, nameWords, sharedNameWord } from '../../../src/core/suggest/name-words.js';

describe('name words', () => {
  it('splits a folded name into its distinct words of three letters or more', () => {
    expect(nameWords('frankfurt am main')).toEqual(['frankfurt', 'main']);
    expect(nameWords('newcastle upon tyne')).toEqual(['newcastle', 'upon', 'tyne']);
    expect(nameWords('l aquila')).toEqual(['aquila']);
    expect(nameWords('baden-baden')).toEqual(['baden']);
  });

  it('gives each candidate the rarity of the rarest word its name shares with the query’s', () => {
    const names = ['frankfurt am main', 'frankfurt (oder)', 'halle (saale)', 'main', 'newcastle', 'oder'];
    const index = nameWordIndex(names);
    // frankfurt: 2 of 6 places; main: 2 of 6; oder: 2 of 6; halle, saale, newcastle: 1 of 6.
    const fromFrankfurt = sharedNameWord(index, 0);
    expect(fromFrankfurt[1]).toBeCloseTo(Math.log(6 / 2), 12); // Frankfurt (Oder): frankfurt
    expect(fromFrankfurt[3]).toBeCloseTo(Math.log(6 / 2), 12); // Main: main
    expect(fromFrankfurt[2]).toBe(0); // Halle (Saale): nothing shared
    expect(fromFrankfurt[0]).toBe(0); // the query itself
    const fromOder = sharedNameWord(index, 1);
    expect(fromOder[5]).toBeCloseTo(Math.log(6 / 2), 12);
    expect(fromOder[4]).toBe(0);
  });

  it('takes the rarest of several shared words', () => {
    const index = nameWordIndex(['saint denis', 'saint denis', 'saint paul', 'saint pierre']);
    // saint: 4 of 4 places (rarity 0); denis: 2 of 4.
    expect(sharedNameWord(index, 0)[1]).toBeCloseTo(Math.log(2), 12);
    expect(sharedNameWord(index, 0)[2]).toBe(0);
  });
});
