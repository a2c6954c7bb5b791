import type { Kysely } from 'kysely';
import { countryName } from '../../core/country.js';
import { haversineKm } from '../../core/geo.js';
import type { PartnerView } from '../../registry/locality/partners.js';
import { localitiesById } from '../../store/locality.repository.js';
import type { DB } from '../../store/schema.js';
import { count, placeLink, statusWords } from '../format.js';
import { html, SafeHtml } from '../html.js';

/** The libraries the partner map's script needs (classic scripts, loaded before it). */
export const PARTNER_MAP_LIBRARIES = ['d3-array.min.js', 'd3-geo.min.js', 'topojson-client.min.js'] as const;

/** What the partner map draws: the place and its partners with a position, as the page embeds it. */
interface MapPoint {
  key: string;
  name: string;
  lat: number;
  lon: number;
  status?: string;
}

/** JSON inside a script element of type application/json: `<` escaped so that no text can close the element. */
function embedJson(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c'));
}

/**
 * A small map of a place's partners at a date (great-circle lines on Canvas, drawn by partner-map.js) and the
 * same places as a table, which is the map's alternative: partner, country, status, distance, position. Empty
 * (and no script asked for) when the place has no recorded position.
 */
export async function partnerMapSection(
  db: Kysely<DB>,
  home: { key: string; name: string; coordinates?: { lat: number; lon: number } | null },
  partners: readonly PartnerView[],
  date: string | null,
): Promise<{ section: SafeHtml | ''; scripts: readonly string[] }> {
  if (!home.coordinates) return { section: '', scripts: [] };
  const records = await localitiesById(
    db,
    partners.map((p) => p.partner.id),
  );
  const placed: (MapPoint & { partner: PartnerView; km: number })[] = [];
  for (const p of partners) {
    const c = records.get(p.partner.id)?.coordinates;
    if (!c) continue;
    const km = haversineKm(home.coordinates.lat, home.coordinates.lon, c.lat, c.lon);
    placed.push({
      key: p.partner.key,
      name: p.partner.name,
      lat: c.lat,
      lon: c.lon,
      status: p.status,
      partner: p,
      km,
    });
  }
  placed.sort((x, y) => x.km - y.km || x.key.localeCompare(y.key));
  const unplaced = partners.length - placed.length;
  const data = {
    home: { key: home.key, name: home.name, lat: home.coordinates.lat, lon: home.coordinates.lon },
    partners: placed.map(({ key, name, lat, lon, status }) => ({ key, name, lat, lon, status })),
  };
  const section = html`<section aria-labelledby="partner-map">
    <h2 id="partner-map">Map of partners</h2>
    <div class="partner-map-wrap">
      <canvas
        id="partner-map-canvas"
        width="720"
        height="380"
        role="img"
        aria-label="Map of ${home.name} and ${placed.length} partners, lines by status; the table below lists the same places"
      ></canvas>
    </div>
    <p id="partner-map-message" class="map-status" role="status">
      The map needs JavaScript; the table lists the same places.
    </p>
    <script type="application/json" id="partner-map-data">
      ${embedJson(data)}
    </script>
    ${
      placed.length === 0
        ? html`<p>No partner has a recorded position.</p>`
        : html`<table id="partner-map-table">
            <caption>
              Partners on the map, nearest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Country</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">Distance</th>
                <th scope="col">Position</th>
              </tr>
            </thead>
            <tbody>
              ${placed.map(
                (p) =>
                  html`<tr>
                    <td>${placeLink(p.partner.partner, date)}</td>
                    <td>${p.partner.partner.country ? countryName(p.partner.partner.country) : '—'}</td>
                    <td>${statusWords(p.partner.status)}</td>
                    <td class="num">${count(Math.round(p.km))} km</td>
                    <td>${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${unplaced > 0 ? html`<p class="meta">${unplaced} ${unplaced === 1 ? 'partner has' : 'partners have'} no recorded position and ${unplaced === 1 ? 'is' : 'are'} not on the map.</p>` : ''}
  </section>`;
  return { section, scripts: placed.length === 0 ? [] : ['partner-map.js'] };
}
