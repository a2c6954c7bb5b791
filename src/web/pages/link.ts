import type { Kysely } from 'kysely';
import { countryName } from '../../core/country.js';
import type { PartialDate } from '../../core/partial-date.js';
import { linkTimelineById } from '../../registry/link/timeline.js';
import type { LocalitySummary } from '../../registry/locality/partners.js';
import { sourceKeysOfLinks } from '../../store/link-query.repository.js';
import type { DB } from '../../store/schema.js';
import { sourceIdsByKey, sourcesByKeys, type CitationView } from '../../store/source.repository.js';
import { roleAllows, type Role } from '../../api/permissions.js';
import { linkEditForms } from './editing.js';
import { placeLink, sourceItem, statusWords, words } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';
import { linkVerdictsSection } from './rule-verdicts.js';

function side(place: LocalitySummary): SafeHtml {
  return html`<li>
    ${placeLink(place)}${place.country ? html` <span class="meta">${countryName(place.country)}</span>` : ''}
  </li>`;
}

function citations(list: readonly CitationView[]): SafeHtml | '' {
  if (list.length === 0) return '';
  return html`<ul class="cited">
    ${list.map((c) => sourceItem({ key: c.sourceKey, title: c.title, url: c.url }, c.locator))}
  </ul>`;
}

/** A link's page: the two places, kind, purposes, exclusivity, the lifecycle as a timeline, contradictions, every source. */
export async function linkPage(
  db: Kysely<DB>,
  id: number,
  today: PartialDate,
  chrome: Chrome = {},
): Promise<string> {
  const link = await linkTimelineById(db, id, today);
  const keys = new Set<string>([
    ...link.sources.map((s) => s.sourceKey),
    ...link.events.flatMap((e) => e.sources.map((s) => s.sourceKey)),
    ...((await sourceKeysOfLinks(db, [link.id])).get(link.id) ?? []),
  ]);
  const sources = await sourcesByKeys(db, [...keys]);
  const title = `${link.a.name} and ${link.b.name}`;
  const viewer = chrome.viewer;
  const editor = viewer && roleAllows(viewer.role as Role, 'appendEvent');
  const forms = editor ? linkEditForms(link, viewer, [...(await sourceIdsByKey(db)).keys()].sort()) : '';
  const verdicts = await linkVerdictsSection(db, link.id, today);
  const body = html`<article class="link">
    <h1>${title}</h1>
    <p class="lede">
      ${words(link.kind)}, ${statusWords(link.status)}${link.since ? ` since ${link.since}` : ''}
    </p>
    <h2 class="visually-hidden">The two places</h2>
    <ul class="sides">
      ${side(link.a)}${side(link.b)}
    </ul>
    <dl class="facts">
      <dt>Kind</dt>
      <dd>${words(link.kind)}</dd>
      <dt>Status today</dt>
      <dd>${statusWords(link.status)}${link.since ? ` since ${link.since}` : ''}</dd>
      <dt>Purposes</dt>
      <dd>${link.purposes.length === 0 ? 'not stated' : link.purposes.map(words).join(', ')}</dd>
      <dt>Exclusive</dt>
      <dd>${link.exclusive ? 'yes: each side twins with no other place' : 'no'}</dd>
      ${
        link.unverified
          ? html`<dt>Verified</dt>
              <dd>not yet verified</dd>`
          : ''
      }
    </dl>
    ${link.notes ? html`<p class="notes">${link.notes}</p>` : ''}

    <section aria-labelledby="timeline">
      <h2 id="timeline">Lifecycle</h2>
      ${
        link.events.length === 0
          ? html`<p>No event is recorded.</p>`
          : html`<ol class="timeline">
              ${link.events.map(
                (e) =>
                  html`<li>
                    <p>
                      <span class="when">${e.date ?? 'undated'}</span>
                      <strong>${words(e.type)}</strong>${e.actor ? html` by ${e.actor}` : ''}${
                        e.cause ? html` <span class="meta">(${e.cause})</span>` : ''
                      }${e.unverified ? html` <span class="meta">unverified</span>` : ''}
                    </p>
                    ${e.notes ? html`<p>${e.notes}</p>` : ''} ${citations(e.sources)}
                  </li>`,
              )}
            </ol>`
      }
    </section>

    <section aria-labelledby="contradictions">
      <h2 id="contradictions">Contradictions</h2>
      ${
        link.contradictions.length === 0
          ? html`<p>The events agree with one another.</p>`
          : html`<ul class="contradictions">
              ${link.contradictions.map((c) => html`<li>${c}</li>`)}
            </ul>`
      }
    </section>

    <section aria-labelledby="sources">
      <h2 id="sources">Sources</h2>
      ${
        sources.size === 0
          ? html`<p>No source is recorded.</p>`
          : html`<ul>
              ${[...sources.values()].map((s) => sourceItem(s, link.sources.find((c) => c.sourceKey === s.key)?.locator))}
            </ul>`
      }
      <p class="downloads">This link as data: <a href="/v1/links/${link.id}">JSON</a></p>
    </section>
    ${verdicts} ${forms}
  </article>`;
  return layout({ ...chrome, title }, body);
}
