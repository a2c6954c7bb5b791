import { countryName } from '../../core/country.js';
import { LINK_KINDS } from '../../core/link.js';
import type { PartialDate } from '../../core/partial-date.js';
import { words } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';
import { FIRST_YEAR } from '../map-data.js';

/** The map's status filter: what each choice shows. The map script holds the same table. */
export const MAP_STATUS_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'in-force', label: 'In force' },
  { value: 'in-force-undated', label: 'In force, and undated in sources' },
  { value: 'paused', label: 'Paused or suspended' },
  { value: 'ended', label: 'Ended' },
  { value: 'all', label: 'Every link formed by then' },
];

const CONTINENTS: readonly [string, string][] = [
  ['AF', 'Africa'],
  ['AN', 'Antarctica'],
  ['AS', 'Asia'],
  ['EU', 'Europe'],
  ['NA', 'North America'],
  ['OC', 'Oceania'],
  ['SA', 'South America'],
];

/** The query of a map URL: date, filters and viewport. */
export interface MapQuery {
  date?: string;
  kind?: string;
  status?: string;
  country?: string;
  continent?: string;
  source?: string;
}

function select(
  id: string,
  name: string,
  label: string,
  options: readonly { value: string; label: string }[],
  chosen: string | undefined,
): SafeHtml {
  return html`<div>
    <label for="${id}">${label}</label
    ><select id="${id}" name="${name}">
      ${options.map(
        (o) =>
          html`<option value="${o.value}" ${o.value === (chosen ?? '') ? html` selected` : ''}>
            ${o.label}
          </option>`,
      )}
    </select>
  </div>`;
}

/** The world map page: controls that work as a form, the canvas, and the same data as a table. */
export function mapPage(query: MapQuery, today: PartialDate, chrome: Chrome = {}): string {
  const year = Number.parseInt(query.date ?? '', 10);
  const shown = Number.isInteger(year) && year >= FIRST_YEAR && year <= today.year ? year : today.year;
  const all = (label: string) => [{ value: '', label }];
  const country = query.country?.toUpperCase();
  const body = html`<h1>World map of twinnings</h1>
    <p class="lede">
      Every link at a chosen year, drawn as a great-circle arc between its two places; a place's dot grows
      with its partners.
    </p>
    <form id="map-controls" class="map-controls" action="/map" method="get">
      <div>
        <label for="map-date">Year: <output id="map-date-out" for="map-date">${shown}</output></label>
        <input
          id="map-date"
          name="date"
          type="range"
          min="${FIRST_YEAR}"
          max="${today.year}"
          step="1"
          value="${shown}"
        />
      </div>
      ${select('map-kind', 'kind', 'Kind', [...all('Every kind'), ...LINK_KINDS.map((k) => ({ value: k, label: words(k) }))], query.kind)}
      ${select('map-status', 'status', 'Status', MAP_STATUS_CHOICES, query.status ?? 'in-force')}
      ${select('map-country', 'country', 'Country', [...all('Every country'), ...(country ? [{ value: country, label: countryName(country) }] : [])], country)}
      ${select('map-continent', 'continent', 'Continent', [...all('Every continent'), ...CONTINENTS.map(([value, label]) => ({ value, label }))], query.continent)}
      ${select('map-source', 'source', 'Source', [...all('Every source'), ...(query.source ? [{ value: query.source, label: query.source }] : [])], query.source)}
      <div><button type="submit">Apply</button></div>
    </form>
    <p id="map-message" class="map-status" role="status">
      The map needs JavaScript; without it, use the downloads below or each place's page.
    </p>
    <div class="map-wrap">
      <canvas
        id="map-canvas"
        width="1200"
        height="620"
        role="img"
        aria-label="World map of the links chosen above; the same links are listed in the table below the map"
      ></canvas>
      <div id="map-tip" class="map-tip" hidden></div>
    </div>
    <p class="map-help">
      Drag to pan; scroll or use the buttons to zoom; point at a place to name it, click a place or an arc to
      open it.
      <button type="button" id="map-zoom-in" aria-label="Zoom in">+</button>
      <button type="button" id="map-zoom-out" aria-label="Zoom out">−</button>
      <button type="button" id="map-zoom-reset">Whole world</button>
    </p>
    <section aria-labelledby="map-table-title">
      <h2 id="map-table-title">The same links as a table</h2>
      <p id="map-table-note"></p>
      <table id="map-table">
        <caption class="visually-hidden">
          Links shown on the map
        </caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Partner</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Link</th>
          </tr>
        </thead>
        <tbody></tbody>
      </table>
      <p class="downloads">
        Links at ${shown}: <a id="map-csv" href="/v1/links?format=csv&amp;asOf=${shown}">CSV</a>,
        <a id="map-geojson" href="/v1/links?format=geojson&amp;asOf=${shown}">GeoJSON</a>,
        <a id="map-graphml" href="/v1/links?format=graphml&amp;asOf=${shown}">GraphML</a>
      </p>
    </section>`;
  return layout(
    {
      ...chrome,
      title: 'World map',
      current: 'map',
      preload: ['/map/data.bin', '/assets/countries-110m.json'],
      libraries: ['d3-array.min.js', 'd3-geo.min.js', 'topojson-client.min.js'],
      // map.js imports map-format.js: named here too, it is fetched with the page rather than after map.js.
      scripts: ['map-format.js', 'map.js'],
    },
    body,
  );
}
