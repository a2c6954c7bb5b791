import type { Kysely } from 'kysely';
import { registrySummary } from '../../registry/summary.js';
import type { DB } from '../../store/schema.js';
import { count, words } from '../format.js';
import { html } from '../html.js';
import { layout, type Chrome } from '../layout.js';

/** The home page: what the registry is, what it holds, and where to go from here. */
export async function homePage(db: Kysely<DB>, chrome: Chrome = {}): Promise<string> {
  const summary = await registrySummary(db);
  const body = html`<h1>Town twinnings of the world, with their history and sources</h1>
    <p class="lede">
      An open registry of twin towns, sister cities, partner towns and every other link between places: when
      each was formed, paused or ended, and who says so.
    </p>
    <ul class="actions">
      <li><a href="/map">See every link in force on the world map</a></li>
      <li><a href="/search">Search for a place</a> by any of its names, in any language or period</li>
    </ul>
    <section aria-labelledby="holdings">
      <h2 id="holdings">What the registry holds</h2>
      <dl class="figures">
        <div>
          <dt>Places</dt>
          <dd>${count(summary.localities)}</dd>
        </div>
        <div>
          <dt>Countries</dt>
          <dd>${count(summary.countries)}</dd>
        </div>
        <div>
          <dt>Links</dt>
          <dd>${count(summary.links)}</dd>
        </div>
        <div>
          <dt>Lifecycle events</dt>
          <dd>${count(summary.events)}</dd>
        </div>
        <div>
          <dt>Associations</dt>
          <dd>${count(summary.associations)}</dd>
        </div>
        <div>
          <dt>Sources</dt>
          <dd>${count(summary.sources)}</dd>
        </div>
      </dl>
      <table>
        <caption>
          Links by kind
        </caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" class="num">Links</th>
          </tr>
        </thead>
        <tbody>
          ${summary.linksByKind.map(
            (k) =>
              html`<tr>
                <td>${words(k.kind)}</td>
                <td class="num">${count(Number(k.count))}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="downloads">
        Every link: <a href="/v1/links?format=csv">CSV</a>, <a href="/v1/links?format=geojson">GeoJSON</a>,
        <a href="/v1/links?format=graphml">GraphML</a>
      </p>
    </section>`;
  return layout({ ...chrome, title: 'Home', current: 'home' }, body);
}
