import { FORMING_EVENTS } from '../../core/link-lifecycle.js';
import { LINK_KINDS } from '../../core/link.js';
import { words } from '../format.js';
import { html } from '../html.js';
import { csrfField, layout, type Chrome, type Viewer } from '../layout.js';

/** What an editor typed into the new-link form, given back when the form is shown again. */
export interface NewLinkValues {
  a?: string;
  b?: string;
  bCountry?: string;
  kind?: string;
  type?: string;
  date?: string;
  source?: string;
  locator?: string;
  notes?: string;
}

const selected = (value: string, chosen: string | undefined) => (value === chosen ? html` selected` : '');

/**
 * The form that adds a link between two places with the event that formed it and its source; `problem` is
 * what was wrong with the last try (the form comes back filled in).
 */
export function newLinkPage(
  chrome: Chrome & { viewer: Viewer },
  sourceKeys: readonly string[],
  values: NewLinkValues = {},
  problem?: { message: string; field?: string },
): string {
  const body = html`<h1>Add a link</h1>
    <p>
      A new link between two places, with the event that formed it and the source that says so. The registry
      refuses a pair that is already linked, a twinning an exclusive one forbids, and one a rule in force
      prohibits, and says why.
    </p>
    ${
      problem
        ? html`<p class="problem" role="alert">
            ${problem.message}${problem.field ? html` <span class="meta">(${problem.field})</span>` : ''}
          </p>`
        : ''
    }
    <form class="edit" action="/links" method="post">
      ${csrfField(chrome.viewer)}
      <label for="new-a">One place (its key or its name)</label>
      <input id="new-a" name="a" value="${values.a ?? ''}" required autocomplete="off" />
      <label for="new-b">The other place (its key or its name)</label>
      <input id="new-b" name="b" value="${values.b ?? ''}" required autocomplete="off" />
      <label for="new-b-country"
        >The other place's country, to tell namesakes apart (ISO code, optional)</label
      >
      <input id="new-b-country" name="bCountry" value="${values.bCountry ?? ''}" maxlength="2" />
      <label for="new-kind">Kind</label>
      <select id="new-kind" name="kind">
        <option value="">not stated</option>
        ${LINK_KINDS.map((k) => html`<option value="${k}" ${selected(k, values.kind)}>${words(k)}</option>`)}
      </select>
      <label for="new-type">How it was formed</label>
      <select id="new-type" name="type" required>
        ${FORMING_EVENTS.map(
          (t) => html`<option value="${t}" ${selected(t, values.type ?? 'formalised')}>${words(t)}</option>`,
        )}
      </select>
      <label for="new-date">When (YYYY, YYYY-MM or YYYY-MM-DD; empty if unknown)</label>
      <input id="new-date" name="date" value="${values.date ?? ''}" inputmode="numeric" />
      <label for="new-source">Source</label>
      <select id="new-source" name="source" required>
        ${sourceKeys.map((k) => html`<option value="${k}" ${selected(k, values.source)}>${k}</option>`)}
      </select>
      <label for="new-locator">Where in the source (page, section, URL fragment)</label>
      <input id="new-locator" name="locator" value="${values.locator ?? ''}" />
      <label for="new-notes">Notes</label>
      <textarea id="new-notes" name="notes" rows="3">${values.notes ?? ''}</textarea>
      <button type="submit">Add the link</button>
    </form>`;
  return layout({ ...chrome, title: 'Add a link' }, body);
}

/** Why a new link was refused although the form was filled in right: 409, with what stands in its way. */
export function linkRefusedPage(
  chrome: Chrome,
  code: 'DuplicateLink' | 'ExclusiveLink' | 'RuleProhibits' | 'Conflict',
  message: string,
  existing?: { id: number; title: string },
): string {
  const heading: Record<typeof code, string> = {
    DuplicateLink: 'These two places are already linked',
    ExclusiveLink: 'An exclusive twinning stands in the way',
    RuleProhibits: 'A rule in force prohibits this link',
    Conflict: 'Someone changed these places first',
  };
  const advice: Record<typeof code, string> = {
    DuplicateLink:
      'The registry keeps one link a pair. Nothing was added; add an event to the existing link instead.',
    ExclusiveLink:
      'One of the places is in a twinning that allows no other twinning proper. Nothing was added; a partnership of another kind may still be possible.',
    RuleProhibits:
      'Nothing was added. The rule and its citation are named above; see the place pages for every verdict.',
    Conflict: 'Nothing was added. Reload the places and try again if the link is still needed.',
  };
  const body = html`<h1>${heading[code]}</h1>
    <p role="alert">${message}</p>
    <p>${advice[code]}</p>
    ${existing ? html`<p>See <a href="/links/${existing.id}">${existing.title}</a>.</p>` : ''}
    <p><a href="/links/new">Back to the form</a></p>`;
  return layout({ ...chrome, title: 'Link not added' }, body);
}
