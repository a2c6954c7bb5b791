import { inlineStyleSheet } from './assets.js';
import { html, SafeHtml, type HtmlValue } from './html.js';

/** What a page gives the layout besides its body. */
export interface PageOptions {
  title: string;
  /** The nav entry to mark as the current page. */
  current?: 'home' | 'map' | 'network' | 'search';
  /** The search text to show in the header's box (the search page's own query). */
  query?: string;
  /** Scripts of /assets/ this page needs beyond the search box's. */
  scripts?: readonly string[];
  /** Data the page's scripts fetch at once, asked for with the page so that it arrives while they load. */
  preload?: readonly string[];
  /** Classic scripts (UMD libraries) loaded before the modules. */
  libraries?: readonly string[];
  /** The signed-in editor, when there is one: shown in the banner with a sign-out form. */
  viewer?: Viewer;
}

/** Who is signed in, and the CSRF token their forms carry. */
export interface Viewer {
  name: string;
  role: string;
  csrf: string;
}

/** What every page passes on to the layout about the request: who is signed in. */
export type Chrome = Pick<PageOptions, 'viewer'>;

/** The hidden field that carries a form's CSRF token. */
export function csrfField(viewer: Viewer): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${viewer.csrf}" />`;
}

function account(viewer: Viewer | undefined): SafeHtml {
  if (!viewer) return html`<p class="account"><a href="/sign-in">Sign in</a></p>`;
  return html`<form class="account" action="/sign-out" method="post">
    <span>Signed in as ${viewer.name} (${viewer.role})</span> ${csrfField(viewer)}<button type="submit">
      Sign out
    </button>
  </form>`;
}

const NAV: readonly { id: NonNullable<PageOptions['current']>; href: string; label: string }[] = [
  { id: 'home', href: '/', label: 'Home' },
  { id: 'map', href: '/map', label: 'World map' },
  { id: 'network', href: '/network', label: 'Network' },
  { id: 'search', href: '/search', label: 'Search' },
];

/** The search box of every page: a plain GET form, with suggestions as you type when scripts run. */
export function searchBox(query = ''): SafeHtml {
  return html`<form class="search" role="search" action="/search" method="get">
    <label for="site-search">Search places</label>
    <div class="combo">
      <input
        id="site-search"
        name="q"
        type="search"
        value="${query}"
        autocomplete="off"
        spellcheck="false"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded="false"
        aria-controls="site-search-list"
        aria-describedby="site-search-help"
      />
      <ul id="site-search-list" role="listbox" aria-label="Suggestions" hidden></ul>
    </div>
    <button type="submit">Search</button>
    <p id="site-search-help" class="help">
      Names in any language, historical names too. Use the arrow keys to pick a suggestion.
    </p>
  </form>`;
}

/** A whole HTML document: skip link, banner with navigation and search, main, footer. */
export function layout(options: PageOptions, body: HtmlValue): string {
  const scripts = ['search.js', ...(options.scripts ?? [])];
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Twinning</title>
        <style>
          ${new SafeHtml(inlineStyleSheet())}
        </style>
        ${(options.preload ?? []).map((href) => html`<link rel="preload" href="${href}" as="fetch" crossorigin />`)}
        ${(options.libraries ?? []).map((src) => html`<script src="/assets/${src}" defer></script>`)}
        ${scripts.map((src) => html`<script type="module" src="/assets/${src}"></script>`)}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="banner">
          <a class="brand" href="/">Twinning</a>
          <nav aria-label="Main">
            <ul>
              ${NAV.map(
                (item) =>
                  html`<li>
                    <a href="${item.href}" ${item.id === options.current ? html` aria-current="page"` : ''}
                      >${item.label}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
          ${searchBox(options.query)} ${account(options.viewer)}
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <footer>
          <p>
            Twinning, an open registry of town twinnings. Data from the registry's sources, each cited where
            it is used. The same data as JSON: <a href="/docs">the API</a>.
          </p>
        </footer>
      </body>
    </html> `.value;
}
