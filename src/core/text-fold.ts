/** Letters that Unicode does not decompose, spelt as their nearest Latin letters. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  İ: 'i',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
};
const UNDECOMPOSED_LETTER = /[ßıİłŁøØđĐæÆœŒ]/g;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[\s\u2010-\u2015'’.,-]+/g;
/** Text of ASCII characters only, which normalisation and the letter table leave as it is. */
const ASCII = /^[\p{ASCII}]*$/u;

/** Folds text for matching: Unicode-normalised, diacritics removed, lower case, spaces collapsed. */
export function foldText(text: string): string {
  const plain = ASCII.test(text)
    ? text
    : text
        .normalize('NFKD')
        .replace(MARKS, '')
        .replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED[c]!);
  return plain.toLowerCase().replace(SEPARATORS, ' ').trim();
}
