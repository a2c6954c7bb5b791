import type { MapData } from './map-data.js';

/** The first four bytes of the map's binary data, with its format's version. */
export const MAP_MAGIC = 'TWM1';

/**
 * The map's data as one binary document, read in the browser as typed arrays over a single ArrayBuffer (no
 * parsing of tens of thousands of small JSON arrays). Little-endian throughout; every section starts on a
 * multiple of 4 bytes so that it can be viewed in place:
 *
 * - `TWM1`, then the byte length of a UTF-8 JSON header, the header (padded with spaces): the lists of names
 *   (today, first year, statuses, kinds, sources, countries, continents, place keys and place names) and the
 *   counts of places, links, source references and status changes.
 * - Places: latitude and longitude (Float32 each), country index (Uint16).
 * - Links: id, place index a, place index b (Uint32 each), kind index (Uint16).
 * - Sources of link i: indexes (Uint16) from `sourceStart[i]` to `sourceStart[i + 1]` (Uint32, one per link and one more).
 * - Status changes of link i: `year, status` pairs (Int16 each) from `changeStart[i]` to `changeStart[i + 1]` (in pairs).
 *
 * `src/web/assets/map-format.js` reads it; the sections' order here and there must match.
 */
export function encodeMapData(data: MapData): Buffer {
  const placeCount = data.places.length;
  const linkCount = data.links.length;
  const sourceRefs = data.links.reduce((n, l) => n + l[4].length, 0);
  const changeCount = data.links.reduce((n, l) => n + l[5].length / 2, 0);
  const header = Buffer.from(
    JSON.stringify({
      today: data.today,
      firstYear: data.firstYear,
      statuses: data.statuses,
      kinds: data.kinds,
      sources: data.sources,
      countries: data.countries,
      continents: data.continents,
      keys: data.places.map((p) => p[0]),
      names: data.places.map((p) => p[1]),
      placeCount,
      linkCount,
      sourceRefs,
      changeCount,
    }),
  );
  const align = (n: number): number => Math.ceil(n / 4) * 4;
  const sections = [
    placeCount * 4, // lat
    placeCount * 4, // lon
    placeCount * 2, // country
    linkCount * 4, // id
    linkCount * 4, // a
    linkCount * 4, // b
    linkCount * 2, // kind
    (linkCount + 1) * 4, // sourceStart
    sourceRefs * 2, // sources
    (linkCount + 1) * 4, // changeStart
    changeCount * 4, // changes (year, status)
  ];
  const headerEnd = align(8 + header.length);
  const total = sections.reduce((n, size) => n + align(size), headerEnd);
  const out = Buffer.alloc(total);
  out.write(MAP_MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  out.fill(0x20, 8 + header.length, headerEnd);
  const starts: number[] = [];
  sections.reduce((at, size) => {
    starts.push(at);
    return at + align(size);
  }, headerEnd);
  const at = (section: number, index: number, width: number): number => starts[section]! + index * width;
  if (data.countries.length > 0xffff || data.kinds.length > 0xffff || data.sources.length > 0xffff) {
    throw new Error(
      'the map data has more than 65,535 countries, kinds or sources: Uint16 indexes cannot hold them',
    );
  }
  data.places.forEach(([, , lat, lon, country], i) => {
    out.writeFloatLE(lat, at(0, i, 4));
    out.writeFloatLE(lon, at(1, i, 4));
    out.writeUInt16LE(country, at(2, i, 2));
  });
  let source = 0;
  let change = 0;
  data.links.forEach(([id, a, b, kind, sources, changes], i) => {
    out.writeUInt32LE(id, at(3, i, 4));
    out.writeUInt32LE(a, at(4, i, 4));
    out.writeUInt32LE(b, at(5, i, 4));
    out.writeUInt16LE(kind, at(6, i, 2));
    out.writeUInt32LE(source, at(7, i, 4));
    for (const s of sources) out.writeUInt16LE(s, at(8, source++, 2));
    out.writeUInt32LE(change, at(9, i, 4));
    for (let c = 0; c < changes.length; c += 2) {
      out.writeInt16LE(changes[c]!, at(10, change, 4));
      out.writeInt16LE(changes[c + 1]!, at(10, change, 4) + 2);
      change++;
    }
  });
  out.writeUInt32LE(source, at(7, linkCount, 4));
  out.writeUInt32LE(change, at(9, linkCount, 4));
  return out;
}
