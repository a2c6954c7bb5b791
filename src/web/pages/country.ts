import type { GrowthPoint } from '../../analysis/time-series.js';
import { countryName } from '../../core/country.js';
import type { CountryMatrix } from '../../registry/network/web-views.js';
import { count, words } from '../format.js';
import { html, hrefWith } from '../html.js';
import { layout, type Chrome } from '../layout.js';
import { growthSection, type Pending } from './network.js';

/**
 * A country's page: its links in force today by partner country and kind (a matrix table), and its links
 * formed and ended per year (a chart with the same figures as a table).
 */
export function countryPage(
  matrix: CountryMatrix,
  growth: readonly GrowthPoint[] | Pending,
  chrome: Chrome = {},
): string {
  const name = countryName(matrix.country);
  const domestic = matrix.rows.find((r) => r.country === matrix.country)?.links ?? 0;
  const partnerName = (code: string) => (code === '?' ? 'country unknown' : countryName(code));
  const body = html`<h1>Twinnings of ${name}</h1>
    <p class="lede">
      ${count(matrix.links)} links in force today (or undated in sources) with a place in ${name}, with
      ${count(matrix.rows.filter((r) => r.country !== matrix.country).length)} other
      countries${domestic > 0 ? html`, and ${count(domestic)} within ${name}` : ''}.
    </p>
    <p class="downloads">
      These links: <a href="${hrefWith('/v1/links', { country: matrix.country, format: 'csv' })}">CSV</a>,
      <a href="${hrefWith('/v1/links', { country: matrix.country, format: 'geojson' })}">GeoJSON</a>,
      <a href="${hrefWith('/v1/links', { country: matrix.country, format: 'graphml' })}">GraphML</a>;
      <a href="${hrefWith('/map', { country: matrix.country })}">on the world map</a>
    </p>
    <section aria-labelledby="by-partner">
      <h2 id="by-partner">Links by partner country and kind</h2>
      ${
        matrix.rows.length === 0
          ? html`<p>No link in force.</p>`
          : html`<div class="scroll">
              <table class="matrix">
                <caption>
                  Links of ${name} in force today: a row per partner country, a column per kind
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Partner country</th>
                    <th scope="col" class="num">All</th>
                    ${matrix.kinds.map(
                      (k) =>
                        html`<th scope="col" class="num">${k === 'none' ? 'kind not stated' : words(k)}</th>`,
                    )}
                  </tr>
                </thead>
                <tbody>
                  ${matrix.rows.map(
                    (r) =>
                      html`<tr>
                        <th scope="row">
                          ${r.country === '?' ? partnerName(r.country) : html`<a href="/countries/${r.country}">${partnerName(r.country)}</a>`}
                        </th>
                        <td class="num">${count(r.links)}</td>
                        ${matrix.kinds.map((k) => html`<td class="num">${r.byKind[k] ? count(r.byKind[k]) : ''}</td>`)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>
    ${
      'pending' in growth
        ? html`<section aria-labelledby="growth">
            <h2 id="growth">Growth over time</h2>
            <p class="pending" role="status">Growth over time: ${growth.pending}.</p>
          </section>`
        : growthSection(
            growth.map((g) => ({ year: g.year, formed: g.formed, ended: g.ended })),
            name,
            'Only links with a dated formation count here.',
          )
    }`;
  return layout({ ...chrome, title: `Twinnings of ${name}`, current: 'network' }, body);
}
