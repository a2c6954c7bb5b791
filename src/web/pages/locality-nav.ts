import { roleAllows, type Role } from '../../api/permissions.js';
import { countryName } from '../../core/country.js';
import { html, hrefWith, type SafeHtml } from '../html.js';
import type { Viewer } from '../layout.js';

/**
 * Where to go from a place's page: its neighbourhood in the network, its country's twinnings, a chain to
 * another place; and, for a signed-in editor only, adding a link from it.
 */
export function localityLinksNav(
  place: { key: string; country?: string | null },
  viewer: Viewer | undefined,
): SafeHtml {
  const editor = viewer !== undefined && roleAllows(viewer.role as Role, 'createLink');
  return html`<nav class="related" aria-label="About this place">
    <ul>
      <li><a href="/places/${encodeURIComponent(place.key)}/network">Its neighbourhood in the network</a></li>
      ${
        place.country
          ? html`<li>
              <a href="/countries/${place.country}">Twinnings of ${countryName(place.country)}</a>
            </li>`
          : ''
      }
      <li>
        <a href="${hrefWith('/network/chain', { from: place.key })}">How is it connected to another place?</a>
      </li>
      ${editor ? html`<li><a href="${hrefWith('/links/new', { a: place.key })}">Add a link from this place</a></li>` : ''}
    </ul>
  </nav>`;
}
