/**
 * The words of places' names, for "shared or similar names": Newcastle upon Tyne and Newcastle (New South Wales),
 * Frankfurt am Main and Frankfurt (Oder). A word shared by many places ("san", "saint", "upon") tells little, so
 * each word is weighed by how rare it is among the places.
 */

/** Places by the words of their names, and how rare each word is. */
export interface NameWordIndex {
  /** Per place, the ids of the distinct words of its name. */
  wordsOf: readonly (readonly number[])[];
  /** Per word id, the places whose names hold it, ascending. */
  placesOf: readonly (readonly number[])[];
  /** Per word id, log(places / places whose names hold it). */
  rarity: Float64Array;
  /** Per word id, the word. */
  words: readonly string[];
}

/** A name's words of at least this many letters or digits; shorter ones ("de", "am") are left out. */
export const MIN_WORD = 3;

/** The distinct words of a folded name: runs of letters or digits, each of at least MIN_WORD characters. */
export function nameWords(folded: string): string[] {
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => [...w].length >= MIN_WORD))];
}

/** The word index of places' folded names. */
export function nameWordIndex(folded: readonly string[]): NameWordIndex {
  const ids = new Map<string, number>();
  const placesOf: number[][] = [];
  const wordsOf = folded.map((name, place) =>
    nameWords(name).map((word) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
        placesOf.push([]);
      }
      placesOf[id]!.push(place);
      return id;
    }),
  );
  const rarity = Float64Array.from(placesOf, (places) => Math.log(folded.length / places.length));
  return { wordsOf, placesOf, rarity, words: [...ids.keys()] };
}

/** Per place, the rarity of the rarest word its name shares with the query's name (0 where it shares none). */
export function sharedNameWord(index: NameWordIndex, query: number): Float64Array {
  const out = new Float64Array(index.wordsOf.length);
  for (const word of index.wordsOf[query] ?? []) {
    const rarity = index.rarity[word]!;
    for (const place of index.placesOf[word]!)
      if (place !== query && rarity > out[place]!) out[place] = rarity;
  }
  return out;
}
