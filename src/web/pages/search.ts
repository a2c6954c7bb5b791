import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { count, words } from '../format.js';
import { html } from '../html.js';
import { layout, type Chrome } from '../layout.js';
import { suggestPlaces } from '../suggest.js';

/** The search page: the same matches as the suggestions, as a list that works without scripts. */
export async function searchPage(db: Kysely<DB>, query: string, chrome: Chrome = {}): Promise<string> {
  const text = query.trim();
  const results = text === '' ? [] : await suggestPlaces(db, text, 50);
  const body = html`<h1>Search places</h1>
    ${
      text === ''
        ? html`<p>
            Type a place's name in the search box above: any language, historical names too (Stalingrad finds
            Volgograd).
          </p>`
        : html`<p role="status">
              ${results.length === 0 ? 'No place' : results.length === 1 ? 'One place' : `${results.length} places`}
              match “${text}”.
            </p>
            <ol class="results">
              ${results.map(
                (r) =>
                  html`<li>
                    <a href="/places/${encodeURIComponent(r.key)}">${r.name}</a>${
                      r.matched ? html` <span class="meta">(also “${r.matched}”)</span>` : ''
                    }
                    <span class="where"
                      >${[r.region, r.country].filter(Boolean).join(', ') || 'no country'}</span
                    >
                    <span class="meta"
                      >${words(r.kind)}${r.population ? `, population ${count(r.population)}` : ''}</span
                    >
                  </li>`,
              )}
            </ol>`
    }`;
  return layout(
    { ...chrome, title: text === '' ? 'Search' : `Search: ${text}`, current: 'search', query: text },
    body,
  );
}
