import { countryName } from '../../core/country.js';
import type { PlaceStep } from '../../registry/network/paths.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';

/** What was asked: the two places as typed (keys or names). */
export interface ChainQuery {
  from?: string;
  to?: string;
}

/** The form that asks how two places are connected; it works as a plain GET form. */
export function chainForm(query: ChainQuery): SafeHtml {
  return html`<form class="chain" action="/network/chain" method="get" aria-labelledby="chain-title">
    <h2 id="chain-title">How are two places connected?</h2>
    <div>
      <label for="chain-from">From (a name or a key)</label>
      <input id="chain-from" name="from" value="${query.from ?? ''}" required placeholder="Coventry" />
    </div>
    <div>
      <label for="chain-to">To (a name or a key)</label>
      <input id="chain-to" name="to" value="${query.to ?? ''}" required placeholder="Nagasaki" />
    </div>
    <div><button type="submit">Find the shortest chain</button></div>
  </form>`;
}

/** The answer: the shortest chain of twinnings in force today, each step a place, or why there is none. */
export function chainPage(
  query: ChainQuery,
  answer: { chain: PlaceStep[] | null } | { problem: string } | undefined,
  chrome: Chrome = {},
): string {
  let result: SafeHtml | '' = '';
  if (answer && 'problem' in answer) {
    result = html`<p class="problem" role="alert">${answer.problem}</p>`;
  } else if (answer && answer.chain === null) {
    result = html`<p role="status">No chain of twinnings in force today connects these two places.</p>`;
  } else if (answer && answer.chain) {
    const chain = answer.chain;
    const first = chain[0]!;
    const last = chain.at(-1)!;
    result = html`<section aria-labelledby="chain-answer">
      <h2 id="chain-answer">
        ${first.name} to ${last.name}: ${chain.length - 1} ${chain.length === 2 ? 'twinning' : 'twinnings'}
      </h2>
      <ol class="chain-steps">
        ${chain.map(
          (step) =>
            html`<li>
              <a href="/places/${encodeURIComponent(step.key)}">${step.name}</a>${
                step.country ? html` <span class="meta">${countryName(step.country)}</span>` : ''
              }
            </li>`,
        )}
      </ol>
      <p class="meta">
        One shortest chain over the links in force today (or undated in sources); others as short may exist.
      </p>
    </section>`;
  }
  const body = html`<h1>How are two places connected?</h1>
    <p class="lede">
      The fewest twinnings that lead from one place to another, as in “how is Coventry connected to Nagasaki?”
    </p>
    ${chainForm(query)} ${result}`;
  return layout({ ...chrome, title: 'Chain between two places', current: 'network' }, body);
}
