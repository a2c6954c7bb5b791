import type { LinkStatus } from '../core/link-lifecycle.js';
import type { SourceRecord } from '../store/source.repository.js';
import { html, type SafeHtml } from './html.js';

/** A stored code (`sister_city`, `broken_unilaterally`) as words. */
export function words(code: string | null | undefined): string {
  return code ? code.replace(/_/g, ' ') : 'not stated';
}

const STATUS_WORDS: Readonly<Record<LinkStatus, string>> = {
  not_formed: 'not formed',
  active: 'in force',
  paused: 'paused',
  suspended: 'suspended',
  broken_unilaterally: 'broken off by one side',
  ended: 'ended',
  unknown: 'undated in sources',
};

/** A link status as readers say it. */
export function statusWords(status: LinkStatus): string {
  return STATUS_WORDS[status];
}

/** A number with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** A link to a place's page. */
export function placeLink(place: { key: string; name: string }, date?: string | null): SafeHtml {
  const href = `/places/${encodeURIComponent(place.key)}${date ? `?date=${encodeURIComponent(date)}` : ''}`;
  return html`<a href="${href}">${place.name}</a>`;
}

/** A source cited or stating something: its title (linked when it has a URL), where in it, and when it was read. */
export function sourceItem(
  source: Pick<SourceRecord, 'key' | 'title' | 'url'> & Partial<SourceRecord>,
  locator?: string | null,
): SafeHtml {
  const title = source.url ? html`<a href="${source.url}" rel="external">${source.title}</a>` : source.title;
  return html`<li>
    ${title}${locator ? html`, ${locator}` : ''}${
      source.publisher ? html` <span class="meta">(${source.publisher})</span>` : ''
    }${source.retrieved ? html` <span class="meta">retrieved ${source.retrieved}</span>` : ''}
  </li>`;
}

/** Today as YYYY-MM-DD, or a date typed in a form checked as a partial date (YYYY, YYYY-MM, YYYY-MM-DD). */
export function dateParam(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim();
}
