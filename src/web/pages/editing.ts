import { EVENT_TYPES } from '../../core/link-lifecycle.js';
import { LINK_KINDS } from '../../core/link.js';
import type { LinkTimeline } from '../../registry/link/timeline.js';
import type { AuditRecord } from '../../store/audit.repository.js';
import { words } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, layout, type Chrome, type Viewer } from '../layout.js';

/**
 * The sign-in page: an API token exchanged for a session; an error message when the last try failed. `csrf` is
 * the form's token (session.ts: signInCsrf).
 */
export function signInPage(chrome: Chrome, csrf: string, problem?: string, next = '/'): string {
  const body = html`<h1>Sign in</h1>
    <p>
      Editors sign in with the API token an administrator gave them. The token stays on the server; the
      browser keeps only a session cookie.
    </p>
    ${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
    <form class="edit" action="/sign-in" method="post">
      <input type="hidden" name="csrf" value="${csrf}" />
      <input type="hidden" name="next" value="${next}" />
      <label for="sign-in-token">API token</label>
      <input id="sign-in-token" name="token" type="password" autocomplete="off" required />
      <button type="submit">Sign in</button>
    </form>`;
  return layout({ ...chrome, title: 'Sign in' }, body);
}

/** The forms an editor sees on a link's page: change its kind and notes, add a lifecycle event with its source. */
export function linkEditForms(link: LinkTimeline, viewer: Viewer, sourceKeys: readonly string[]): SafeHtml {
  const version = html`<input type="hidden" name="version" value="${link.version}" />`;
  return html`<section aria-labelledby="edit" class="editing">
    <h2 id="edit">Edit this link</h2>
    <form class="edit" action="/links/${link.id}/edit" method="post">
      ${csrfField(viewer)}${version}
      <h3>Kind and notes</h3>
      <label for="edit-kind">Kind</label>
      <select id="edit-kind" name="kind">
        <option value="">not stated</option>
        ${LINK_KINDS.map((k) => html`<option value="${k}" ${k === link.kind ? html` selected` : ''}>${words(k)}</option>`)}
      </select>
      <label for="edit-notes">Notes</label>
      <textarea id="edit-notes" name="notes" rows="3">${link.notes ?? ''}</textarea>
      <button type="submit">Save kind and notes</button>
    </form>
    <form class="edit" action="/links/${link.id}/events" method="post">
      ${csrfField(viewer)}${version}
      <h3>Add a lifecycle event</h3>
      <label for="event-type">Event</label>
      <select id="event-type" name="type" required>
        ${EVENT_TYPES.map((t) => html`<option value="${t}">${words(t)}</option>`)}
      </select>
      <label for="event-date">Date (YYYY, YYYY-MM or YYYY-MM-DD; empty if unknown)</label>
      <input id="event-date" name="date" inputmode="numeric" />
      <label for="event-actor">Who acted</label>
      <select id="event-actor" name="actor">
        <option value="">not stated</option>
        <option value="a">${link.a.name}</option>
        <option value="b">${link.b.name}</option>
        <option value="both">both sides</option>
        <option value="third_party">someone else</option>
      </select>
      <label for="event-cause">Cause</label>
      <input id="event-cause" name="cause" />
      <label for="event-source">Source</label>
      <select id="event-source" name="source" required>
        ${sourceKeys.map((k) => html`<option value="${k}">${k}</option>`)}
      </select>
      <label for="event-locator">Where in the source (page, section, URL fragment)</label>
      <input id="event-locator" name="locator" />
      <button type="submit">Add the event</button>
    </form>
    <p><a href="/links/${link.id}/audit">Audit trail of this link</a></p>
  </section>`;
}

/** A write refused because the link changed since the form was read: what happened, and the link as it is now. */
export function conflictPage(
  chrome: Chrome,
  link: LinkTimeline,
  sentVersion: number,
  message: string,
): string {
  const body = html`<h1>Someone changed this link first</h1>
    <p role="alert">
      Your change was not saved. You edited version ${sentVersion} of the link between ${link.a.name} and
      ${link.b.name}; it is now at version ${link.version}, because another editor saved a change after you
      opened the page.
    </p>
    <p class="meta">${message}</p>
    <p>
      Read <a href="/links/${link.id}">the link as it is now</a> (its
      <a href="/links/${link.id}/audit">audit trail</a> shows who changed what), then make your change again
      if it is still needed.
    </p>`;
  return layout({ ...chrome, title: 'Edit conflict' }, body);
}

/** A link's audit trail: every write, who made it, when, and the version it made. */
export function auditTrailPage(chrome: Chrome, link: LinkTimeline, rows: readonly AuditRecord[]): string {
  const body = html`<h1>Audit trail: ${link.a.name} and ${link.b.name}</h1>
    <p><a href="/links/${link.id}">Back to the link</a></p>
    ${
      rows.length === 0
        ? html`<p>No write has been recorded for this link since it was loaded.</p>`
        : html`<table>
            <caption>
              Writes to this link, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) =>
                  html`<tr>
                    <td>${r.at}</td>
                    <td>${words(r.action)}</td>
                    <td>${r.actor.name} (${r.actor.role})</td>
                    <td>${r.version ?? '—'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
  return layout({ ...chrome, title: 'Audit trail' }, body);
}
