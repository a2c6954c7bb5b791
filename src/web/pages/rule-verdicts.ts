import type { Kysely } from 'kysely';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { isTouched, severity, type RuleVerdict, type Verdict } from '../../core/policies/verdict.js';
import { bundledRuleSet } from '../../registry/policies/rule-set.js';
import { checkLinkId, checkLocality, type VerdictRow } from '../../registry/policies/rules-report.js';
import type { DB } from '../../store/schema.js';
import { placeLink, words } from '../format.js';
import { html, type SafeHtml } from '../html.js';

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  allowed: 'allowed',
  must_notify: 'allowed once notified',
  needs_approval: 'needs approval',
  undetermined: 'cannot be decided on what the registry knows',
  contested: 'contested: the rule’s reach is disputed',
  must_end_by: 'must end by the deadline',
  prohibited: 'prohibited',
  past_deadline: 'past the deadline to end it',
  cancelled: 'cancelled under the rule',
};

const RULE_STATUS_WORDS: Readonly<Record<RuleVerdict['status'], string>> = {
  law: 'law',
  bill: 'bill, not law',
  directive: 'directive',
  policy: 'policy',
  association_rule: 'association rule',
};

/** A verdict as readers say it, with its deadline and whether it rests on uncertain facts. */
export function verdictWords(v: RuleVerdict): string {
  const deadline = v.deadline ? ` (${v.deadline})` : '';
  const force = v.inForce ? '' : '; not in force at that date';
  return `${VERDICT_WORDS[v.verdict]}${deadline}${force}${v.uncertain ? '; on uncertain facts' : ''}`;
}

function trace(v: RuleVerdict): SafeHtml {
  return html`<details>
    <summary>Why<span class="visually-hidden">: ${v.title}</span></summary>
    <ol class="trace">
      ${v.trace.map(
        (step) =>
          html`<li>
            <span class="meta">${words(step.kind)}:</span> ${step.text}${
              step.cite.length ? html` <span class="cite">(${step.cite.join('; ')})</span>` : ''
            }
          </li>`,
      )}
    </ol>
  </details>`;
}

function ruleCell(v: RuleVerdict): SafeHtml {
  return html`<a href="/v1/rules/${encodeURIComponent(v.rule)}">${v.title}</a>
    <span class="meta">${v.jurisdiction}, ${RULE_STATUS_WORDS[v.status]}</span>`;
}

function verdictCell(v: RuleVerdict): SafeHtml {
  return html`<span class="verdict verdict-${v.verdict}">${verdictWords(v)}</span>`;
}

/** The other side of a verdict row from a place's point of view (a membership names its association). */
function otherSide(row: VerdictRow, key: string, date: string | null): SafeHtml | string {
  if (row.association) return `membership of ${row.association}`;
  const other = row.a.key === key ? row.b : row.a;
  if (!other) return '—';
  const link = row.linkId ? html` <a href="/links/${row.linkId}" class="meta">(the link)</a>` : '';
  return html`${placeLink(other, date)}${link}`;
}

const bySeverity = (x: VerdictRow, y: VerdictRow) =>
  severity(y.result.verdict) - severity(x.result.verdict) || x.result.rule.localeCompare(y.result.rule);

/**
 * The rules' verdicts on a place's links and memberships at a date: each verdict that asks something of a link
 * in a row with its citation and the reasoning (trace); links a rule reaches and allows counted per rule.
 */
export async function localityVerdictsSection(
  db: Kysely<DB>,
  key: string,
  asOf: PartialDate | undefined,
  today: PartialDate,
): Promise<SafeHtml> {
  const at = asOf ?? today;
  const rows = await checkLocality(db, bundledRuleSet(), key, at, today);
  const date = asOf ? formatPartialDate(asOf) : null;
  const touched = rows.filter((r) => isTouched(r.result.verdict)).sort(bySeverity);
  const allowed = new Map<string, { verdict: RuleVerdict; links: number }>();
  for (const r of rows) {
    if (isTouched(r.result.verdict)) continue;
    const entry = allowed.get(r.result.rule) ?? { verdict: r.result, links: 0 };
    entry.links++;
    allowed.set(r.result.rule, entry);
  }
  return html`<section aria-labelledby="rules">
    <h2 id="rules">Laws and policies as of ${formatPartialDate(at)}</h2>
    ${
      rows.length === 0
        ? html`<p>None of the registry's rules reaches this place's links.</p>`
        : html`${
            touched.length === 0
              ? html`<p>No rule asks anything of this place's links at this date.</p>`
              : html`<table class="verdicts">
                  <caption>
                    Verdicts that ask something of a link
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Rule</th>
                      <th scope="col">Link with</th>
                      <th scope="col">Verdict</th>
                      <th scope="col">Citation</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${touched.map(
                      (r) =>
                        html`<tr>
                          <td>${ruleCell(r.result)}</td>
                          <td>${otherSide(r, key, date)}</td>
                          <td>${verdictCell(r.result)} ${trace(r.result)}</td>
                          <td>${r.result.citation}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
          }
          ${
            allowed.size === 0
              ? ''
              : html`<ul class="allowed">
                  ${[...allowed.values()].map(
                    ({ verdict, links }) =>
                      html`<li>
                        ${ruleCell(verdict)}: ${links} ${links === 1 ? 'link' : 'links'} reached and allowed
                        <span class="meta">(${verdict.citation})</span>
                      </li>`,
                  )}
                </ul>`
          }`
    }
    <p class="downloads">
      As data:
      <a href="/v1/rules/check/localities/${encodeURIComponent(key)}${date ? `?asOf=${date}` : ''}">JSON</a>
    </p>
  </section>`;
}

/** Every rule's verdict on one link today, with the citation and the reasoning. */
export async function linkVerdictsSection(
  db: Kysely<DB>,
  linkId: number,
  today: PartialDate,
): Promise<SafeHtml> {
  const rows = (await checkLinkId(db, bundledRuleSet(), linkId, today, today)).sort(bySeverity);
  return html`<section aria-labelledby="rules">
    <h2 id="rules">Laws and policies today</h2>
    ${
      rows.length === 0
        ? html`<p>None of the registry's rules reaches this link.</p>`
        : html`<table class="verdicts">
            <caption class="visually-hidden">
              Each rule's verdict on this link
            </caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Verdict</th>
                <th scope="col">Citation</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) =>
                  html`<tr>
                    <td>${ruleCell(r.result)}</td>
                    <td>${verdictCell(r.result)} ${trace(r.result)}</td>
                    <td>${r.result.citation}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p class="downloads">As data: <a href="/v1/rules/check/links/${linkId}">JSON</a></p>
  </section>`;
}
