import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/text-fold.js';
import { wordStarts } from '../../src/store/name-index.repository.js';

describe('the word index of names', () => {
  it('indexes a name from each word start, the whole name first', () => {
    expect(wordStarts(foldText('Saint-Étienne-du-Rouvray'))).toEqual([
      'saint etienne du rouvray',
      'etienne du rouvray',
      'du rouvray',
      'rouvray',
    ]);
    expect(wordStarts(foldText('Guro (Seoul)'))).toEqual(['guro (seoul)', 'seoul)']);
    expect(wordStarts(foldText('<script>alert(1)</script>'))).toEqual([
      '<script>alert(1)</script>',
      'script>alert(1)</script>',
      'alert(1)</script>',
      '1)</script>',
      'script>',
    ]);
  });

  it('starts a word at every character of scripts written without spaces', () => {
    expect(wordStarts('東京都')).toEqual(['東京都', '京都', '都']);
    expect(wordStarts('волгоград')).toEqual(['волгоград']);
  });

  it('keeps a pathological name to a bounded number of rows', () => {
    expect(wordStarts(Array.from({ length: 100 }, () => 'a').join(' '))).toHaveLength(24);
  });
});
