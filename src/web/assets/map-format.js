// Reads the map's binary data (written by src/web/map-binary.ts): a JSON header of names and counts, then typed
// arrays viewed in place over the one ArrayBuffer. The sections' order here and there must match.
/* global TextDecoder */

const MAGIC = 'TWM1';

/**
 * The map's data from its bytes: the header's fields, and per place `lat`, `lon`, `country`; per link `id`,
 * `a`, `b`, `kind`, sources (`sourceStart`, `linkSources`) and status changes (`changeStart`, `changes` as
 * year, status pairs). Throws on bytes that are not the map's data.
 */
export function decodeMapData(buffer) {
  const bytes = new Uint8Array(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`the map data starts with "${magic}", not "${MAGIC}"`);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
    throw new Error('the map data is little-endian and this machine is not');
  const headerBytes = new DataView(buffer).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerBytes)));
  const { placeCount: p, linkCount: l, sourceRefs, changeCount } = header;
  let at = Math.ceil((8 + headerBytes) / 4) * 4;
  const take = (Type, count) => {
    const view = new Type(buffer, at, count);
    at += Math.ceil((count * Type.BYTES_PER_ELEMENT) / 4) * 4;
    return view;
  };
  const data = {
    ...header,
    lat: take(Float32Array, p),
    lon: take(Float32Array, p),
    country: take(Uint16Array, p),
    id: take(Uint32Array, l),
    a: take(Uint32Array, l),
    b: take(Uint32Array, l),
    kind: take(Uint16Array, l),
    sourceStart: take(Uint32Array, l + 1),
    linkSources: take(Uint16Array, sourceRefs),
    changeStart: take(Uint32Array, l + 1),
    changes: take(Int16Array, changeCount * 2),
  };
  if (at !== buffer.byteLength)
    throw new Error(`the map data is ${buffer.byteLength} bytes where its header describes ${at}`);
  return data;
}
