import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/export/csv.js';
import { linkRow, linksToCsv } from '../../src/export/link-csv.js';
import { linksToGeoJson } from '../../src/export/link-geojson.js';
import { linksToGraphMl } from '../../src/export/link-graphml.js';
import { xmlText } from '../../src/core/graphml.js';
import type { LinkListItem } from '../../src/registry/link/query.js';

const end = (key: string, name: string, coordinates: { lat: number; lon: number } | null) => ({
  id: key.length,
  key,
  name,
  kind: 'city',
  country: 'GB',
  coordinates,
});

const link = (overrides: Partial<LinkListItem> = {}): LinkListItem => ({
  id: 7,
  a: end('coventry', 'Coventry', { lat: 52.4, lon: -1.5 }),
  b: end('kiel', 'Kiel', { lat: 54.3, lon: 10.1 }),
  kind: 'twin_town',
  purposes: ['reconciliation', 'cultural'],
  exclusive: false,
  unverified: false,
  status: 'active',
  since: '1947',
  formed: '1947',
  ended: null,
  sources: ['seed'],
  version: 1,
  ...overrides,
});

describe('link exports', () => {
  it('writes CSV fields per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "quoted", name')).toBe('"a ""quoted"", name"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(['a', 'b'])).toBe('a;b');
    expect(csvField(['-1', '+x'])).toBe("'-1;+x");
    expect(csvLine(['@SUM(A1)', 1, true, undefined, '\tx'])).toBe("'@SUM(A1),1,true,,'\tx");
  });

  it('writes a header and one CRLF-terminated row per link', () => {
    const csv = linksToCsv([
      linkRow(link(), []),
      linkRow(link({ id: 8, a: end('x', 'O\'Brien, "Town"', null) }), ['wd']),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^id,a_key,a_name,/);
    expect(lines[1]).toBe(
      '7,coventry,Coventry,GB,52.4,-1.5,kiel,Kiel,GB,54.3,10.1,twin_town,active,1947,1947,,false,reconciliation;cultural,seed,',
    );
    expect(lines[2]).toContain('"O\'Brien, ""Town"""');
    expect(lines[2]).toMatch(/,seed,wd$/);
    expect(lines).toHaveLength(4);
  });

  it('draws each link as a line from a to b in [lon, lat], null when a side has no position', () => {
    const geo = JSON.parse(linksToGeoJson([link(), link({ id: 9, b: end('nowhere', 'Nowhere', null) })])) as {
      type: string;
      features: { id: number; geometry: { type: string; coordinates: number[][] } | null }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [-1.5, 52.4],
        [10.1, 54.3],
      ],
    });
    expect(geo.features[1]!.geometry).toBeNull();
  });

  it('writes GraphML with escaped text, each place once', () => {
    expect(xmlText(`<script>alert("x")</script> & 'y'\u0001`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;\uFFFD',
    );
    const xml = linksToGraphMl([link(), link({ id: 8, b: end('dresden', '<b>Dresden</b>', null) })]);
    expect(xml.match(/<node id="coventry">/g)).toHaveLength(1);
    expect(xml).toContain('<edge id="link-8" source="coventry" target="dresden">');
    expect(xml).toContain('&lt;b&gt;Dresden&lt;/b&gt;');
    expect(xml).not.toContain('<b>');
  });
});
