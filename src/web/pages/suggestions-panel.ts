import { TwinningError } from '../../core/errors.js';
import type { Suggestions } from '../../registry/suggest/suggestions.js';
import { placeLink } from '../format.js';
import { hrefWith, html, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';

/** How the page gets a place's suggestions (the API's worker pool in the server). */
export type SuggestionsSource = () => Promise<Suggestions>;

/**
 * The locality page's panel of suggested new partners: each with its reasons in words and the rules that ask
 * something of such a link; the candidates rules took out are named. A busy worker pool leaves a note, not an error.
 */
export async function suggestionsPanel(source: SuggestionsSource | undefined): Promise<SafeHtml | string> {
  if (!source) return '';
  let view: Suggestions;
  try {
    view = await source();
  } catch (error) {
    if (error instanceof TwinningError && (error.code === 'Overloaded' || error.code === 'RateLimited'))
      return html`<section aria-labelledby="suggestions">
        <h2 id="suggestions">Suggested partners</h2>
        <p>The server is busy; reload the page to see suggestions.</p>
      </section>`;
    throw error;
  }
  const how = view.model === 'heuristic' ? 'a simple heuristic' : 'a model trained on the registry';
  return html`<section aria-labelledby="suggestions" class="suggestions">
    <h2 id="suggestions">Suggested partners</h2>
    <p class="meta">Places not yet partners, ranked by ${how}. Each reason is read from the registry.</p>
    ${view.note ? html`<p>${view.note}</p>` : ''}
    ${
      view.suggestions.length === 0
        ? html`<p>No suggestions.</p>`
        : html`<ol>
            ${view.suggestions.map(
              (s) =>
                html`<li>
                  ${placeLink(s)}${s.country ? html` <span class="meta">(${s.country})</span>` : ''}
                  <span class="meta">score ${s.score.toFixed(2)}</span>
                  <ul>
                    ${s.reasons.map((r) => html`<li>${r.text}</li>`)}
                    ${s.rules.map((r) => html`<li><strong>${r.title}</strong> (${r.citation}): ${r.verdict.replace(/_/g, ' ')}</li>`)}
                  </ul>
                </li>`,
            )}
          </ol>`
    }
    ${
      view.removed.length === 0
        ? ''
        : html`<p>
            Left out: ${view.removed.map((r, i) => html`${i > 0 ? '; ' : ''}${r.name} (${r.reason})`)}
          </p>`
    }
  </section>`;
}

/** Where a place's suggestions at a date are: a page of their own, or the panel alone (for the page's script). */
export function suggestionsHref(key: string, date: string | null, panel = false): string {
  return hrefWith(`/places/${encodeURIComponent(key)}/suggestions${panel ? '/panel' : ''}`, { date });
}

/**
 * The locality page's stand-in for the panel: ranking suggestions reads the whole network on a worker thread
 * (seconds the first time), so the page is sent without waiting for them. A script puts the panel in its place;
 * without scripts the link opens the same panel as a page.
 */
export function suggestionsPlaceholder(key: string, date: string | null): SafeHtml {
  return html`<section
    aria-labelledby="suggestions"
    class="suggestions"
    id="suggestions-panel"
    data-panel="${suggestionsHref(key, date, true)}"
  >
    <h2 id="suggestions">Suggested partners</h2>
    <p><a href="${suggestionsHref(key, date)}">Places not yet partners that could be, and why</a></p>
  </section>`;
}

/** A place's suggestions as a page of their own. */
export async function suggestionsPage(
  place: { key: string; name: string; date: string | null },
  source: SuggestionsSource,
  chrome: Chrome = {},
): Promise<string> {
  const panel = await suggestionsPanel(source);
  return layout(
    { ...chrome, title: `Suggested partners of ${place.name}` },
    html`<h1>
        Suggested partners of
        ${place.name}${place.date ? html` <span class="meta">as of ${place.date}</span>` : ''}
      </h1>
      <p>
        <a href="${hrefWith(`/places/${encodeURIComponent(place.key)}`, { date: place.date })}"
          >Back to ${place.name}</a
        >
      </p>
      ${panel}`,
  );
}
