import { countryName } from '../../core/country.js';
import type { NeighbourhoodDrawing } from '../../registry/network/web-views.js';
import { count, placeLink } from '../format.js';
import { html, hrefWith, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';

const STEP_CLASS = ['centre', 'step1', 'step2', 'step3'];

/** The neighbourhood drawn as SVG: links as lines, places as dots that link to their pages, near ones named. */
function drawing(n: NeighbourhoodDrawing, name: string): SafeHtml {
  const p = n.positions;
  return html`<svg
    class="network"
    viewBox="0 0 ${n.width} ${n.height}"
    width="${n.width}"
    height="${n.height}"
    role="group"
    aria-label="The network around ${name}; the table below lists the same places and links"
  >
    <g class="edges">
      ${n.edges.map(
        ([a, b]) => html`<line x1="${p[a]!.x}" y1="${p[a]!.y}" x2="${p[b]!.x}" y2="${p[b]!.y}" />`,
      )}
    </g>
    ${n.nodes.map((node, i) => {
      const radius = i === 0 ? 9 : Math.min(8, 3 + Math.sqrt(node.degree) / 2);
      const label = node.country ? `${node.label} (${countryName(node.country)})` : node.label;
      return html`<a
        href="/places/${encodeURIComponent(node.key)}/network"
        class="node ${STEP_CLASS[node.steps] ?? 'step3'}"
      >
        <title>
          ${label}: ${node.steps} ${node.steps === 1 ? 'twinning' : 'twinnings'} away, ${node.degree} partners
        </title>
        <circle cx="${p[i]!.x}" cy="${p[i]!.y}" r="${radius.toFixed(1)}" />
        ${node.steps <= 1 ? html`<text x="${p[i]!.x + radius + 2}" y="${p[i]!.y + 4}">${node.label}</text>` : ''}
      </a>`;
    })}
  </svg>`;
}

/**
 * A place's neighbourhood as a small force-directed network (laid out on the server, drawn as SVG, so it shows
 * without scripts), with the same places and links as tables.
 */
export function neighbourhoodPage(
  place: { key: string; name: string },
  steps: number,
  n: NeighbourhoodDrawing,
  chrome: Chrome = {},
): string {
  const links = n.edges.map(([a, b]) => [n.nodes[a]!, n.nodes[b]!] as const);
  const body = html`<h1>The network around ${place.name}</h1>
    <p class="lede">
      Places within ${steps} ${steps === 1 ? 'twinning' : 'twinnings'} of ${placeLink(place)} in the links in
      force today (or undated in sources), and the links among them: ${count(n.nodes.length - 1)} places,
      ${count(n.edges.length)}
      links${n.leftOut > 0 ? html`; ${count(n.leftOut)} more distant or less connected places are left out to keep the picture readable` : ''}.
    </p>
    <form class="as-of" action="/places/${encodeURIComponent(place.key)}/network" method="get">
      <label for="steps">Twinnings away</label>
      <select id="steps" name="steps">
        ${[1, 2, 3].map((k) => html`<option value="${k}" ${k === steps ? html` selected` : ''}>${k}</option>`)}
      </select>
      <button type="submit">Show</button>
    </form>
    <div class="network-wrap">${drawing(n, place.name)}</div>
    <p class="meta">
      Dark: ${place.name}; blue: its partners; grey: places further away. Each dot opens that place's own
      network.
    </p>
    <section aria-labelledby="places-title">
      <h2 id="places-title">The places</h2>
      <table>
        <caption class="visually-hidden">
          Places in the network around ${place.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Country</th>
            <th scope="col" class="num">Twinnings away</th>
            <th scope="col" class="num">Partners in all</th>
          </tr>
        </thead>
        <tbody>
          ${n.nodes.map(
            (node) =>
              html`<tr>
                <td>${placeLink({ key: node.key, name: node.label })}</td>
                <td>${node.country ? countryName(node.country) : '—'}</td>
                <td class="num">${node.steps}</td>
                <td class="num">${count(node.degree)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="links-title">
      <h2 id="links-title">The links among them</h2>
      <ul class="columns">
        ${links.map(([a, b]) => html`<li>${a.label} – ${b.label}</li>`)}
      </ul>
      <p>
        <a href="${hrefWith('/network/chain', { from: place.key })}"
          >How is ${place.name} connected to another place?</a
        >
      </p>
    </section>`;
  return layout({ ...chrome, title: `Network around ${place.name}`, current: 'network' }, body);
}
