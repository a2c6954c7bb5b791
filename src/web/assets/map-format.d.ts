/** The map's data as `map-format.js` reads it from the bytes `encodeMapData` writes. */
export interface DecodedMapData {
  today: string;
  firstYear: number;
  statuses: string[];
  kinds: string[];
  sources: string[];
  countries: string[];
  continents: string[];
  keys: string[];
  names: string[];
  placeCount: number;
  linkCount: number;
  sourceRefs: number;
  changeCount: number;
  lat: Float32Array;
  lon: Float32Array;
  country: Uint16Array;
  id: Uint32Array;
  a: Uint32Array;
  b: Uint32Array;
  kind: Uint16Array;
  sourceStart: Uint32Array;
  linkSources: Uint16Array;
  changeStart: Uint32Array;
  changes: Int16Array;
}

export function decodeMapData(buffer: ArrayBuffer): DecodedMapData;
