import type { NetworkSummary } from '../../analysis/summary.js';
import type { BetweennessRanking, CountryRank, LocalityRank } from '../../analysis/rankings.js';
import type { EndingsInYear, FormationSeries } from '../../analysis/time-series.js';
import { countryName } from '../../core/country.js';
import type { StudyResult } from '../../registry/network/studies.js';
import { count } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';
import { fillYears, growthChart, type YearCounts } from '../svg-chart.js';
import { chainForm } from './chain.js';

/** A study not ready for this page, and why (still running, or the server too busy). */
export interface Pending {
  pending: string;
}

/** The studies the network page shows, as the API's analytics give them, or why one is not there yet. */
export interface NetworkStudies {
  summary: StudyResult | Pending;
  partners: StudyResult | Pending;
  betweenness: StudyResult | Pending;
  countries: StudyResult | Pending;
  time: StudyResult | Pending;
}

/** A study's section, or a note that it is not ready. */
function ready<T>(
  study: StudyResult | Pending,
  what: string,
  render: (result: T, study: StudyResult) => SafeHtml,
): SafeHtml {
  if ('pending' in study) return html`<p class="pending" role="status">The ${what}: ${study.pending}.</p>`;
  return render(study.result as T, study);
}

const fixed = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** The rows of KONECT's summary table, in its order and words. */
function summaryRows(s: NetworkSummary): [string, string][] {
  return [
    ['Size (places)', count(s.nodes)],
    ['Volume (links)', count(s.edges)],
    ['Average degree', fixed(s.averageDegree, 2)],
    ['Maximum degree', count(s.maxDegree)],
    ['Connected components', count(s.components)],
    ['Largest component: places', count(s.largestComponentNodes)],
    ['Largest component: links', count(s.largestComponentEdges)],
    ['Diameter', count(s.diameter)],
    ['Mean distance', fixed(s.meanDistance, 2)],
    ['Median distance', count(s.medianDistance)],
    ['Triangles', count(s.triangles)],
    ['Global clustering coefficient', fixed(s.globalClustering)],
    ['Average local clustering coefficient', fixed(s.averageClustering)],
    ['Degree assortativity', fixed(s.degreeAssortativity)],
    ['Power-law exponent', fixed(s.powerLawExponent, 2)],
    ['Power-law lower bound (x_min)', count(s.powerLawXmin)],
  ];
}

/** A caption saying what network a study ran on. */
function networkNote(result: StudyResult): string {
  const n = result.network;
  return `${count(n.links)} links between ${count(n.nodes)} places: ${count(n.active)} in force, ${count(n.undated)} undated in sources`;
}

function rankTable(caption: string, rows: readonly LocalityRank[], valueName: string, digits = 0): SafeHtml {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col" class="num">Rank</th>
        <th scope="col">Place</th>
        <th scope="col">Country</th>
        <th scope="col" class="num">${valueName}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r, i) =>
          html`<tr>
            <td class="num">${i + 1}</td>
            <td><a href="/places/${encodeURIComponent(r.key)}">${r.label ?? r.key}</a></td>
            <td>
              ${r.country ? html`<a href="/countries/${r.country}">${countryName(r.country)}</a>` : '—'}
            </td>
            <td class="num">${digits === 0 ? count(r.value) : r.value.toFixed(digits)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function countryTable(rows: readonly CountryRank[]): SafeHtml {
  return html`<table>
    <caption>
      Countries by links
    </caption>
    <thead>
      <tr>
        <th scope="col" class="num">Rank</th>
        <th scope="col">Country</th>
        <th scope="col" class="num">Links</th>
        <th scope="col" class="num">Twinned places</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r, i) =>
          html`<tr>
            <td class="num">${i + 1}</td>
            <td>
              ${r.country === '?' ? 'country unknown' : html`<a href="/countries/${r.country}">${countryName(r.country)}</a>`}
            </td>
            <td class="num">${count(r.links)}</td>
            <td class="num">${count(r.localities)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Links formed and ended per year, from the time study. */
export function yearsOfTime(formed: FormationSeries, endings: readonly EndingsInYear[]): YearCounts[] {
  const counts = new Map<number, { formed: number; ended: number }>();
  for (const f of formed.perYear) counts.set(f.year, { formed: f.links, ended: 0 });
  for (const e of endings) {
    const ended = Object.values(e.byType).reduce((sum, n) => sum + (n ?? 0), 0);
    counts.set(e.year, { formed: counts.get(e.year)?.formed ?? 0, ended });
  }
  return fillYears(counts);
}

/** The growth chart from a year on (the table has every year), and the table of the same figures. */
export function growthSection(years: readonly YearCounts[], subject: string, note: string): SafeHtml {
  const from = years.length > 0 && years[0]!.year < 1900 && years.at(-1)!.year > 1950 ? 1900 : undefined;
  const charted = from === undefined ? years : years.filter((y) => y.year >= from);
  const earlier = years.filter((y) => from !== undefined && y.year < from);
  const earlierFormed = earlier.reduce((sum, y) => sum + y.formed, 0);
  const rows = years.filter((y) => y.formed > 0 || y.ended > 0);
  return html`<section aria-labelledby="growth">
    <h2 id="growth">Growth over time</h2>
    <p>
      Links formed (above the line) and ended (below) each year, where a dated event says so. ${note}
      ${from !== undefined ? html`The chart starts in ${from}; ${count(earlierFormed)} links formed earlier are in the table.` : ''}
    </p>
    ${
      rows.length === 0
        ? html`<p>No link has a dated formation or ending.</p>`
        : html`${growthChart(charted, `Links of ${subject} formed and ended per year${from !== undefined ? ` since ${from}` : ''}; the table below gives the same figures`)}
            <details>
              <summary>The same figures as a table</summary>
              <table>
                <caption>
                  Links of ${subject} formed and ended per year
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Year</th>
                    <th scope="col" class="num">Formed</th>
                    <th scope="col" class="num">Ended</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (y) =>
                      html`<tr>
                        <td>${y.year}</td>
                        <td class="num">${count(y.formed)}</td>
                        <td class="num">${count(y.ended)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </details>`
    }
  </section>`;
}

/** The network page: KONECT's summary table, rankings, growth over time, and the chain between two places. */
export function networkPage(studies: NetworkStudies, chrome: Chrome = {}): string {
  const body = html`<h1>The network of twinnings</h1>
    <p class="lede">
      The registry's links in force today as a network: places are nodes, links are edges. The figures are the
      API's analytics (<a href="/v1/analytics/summary">/v1/analytics</a>), computed off the server's main
      thread and kept until the data changes.
    </p>
    ${chainForm({})}
    <section aria-labelledby="summary">
      <h2 id="summary">Summary</h2>
      ${ready<NetworkSummary>(
        studies.summary,
        'summary',
        (summary, study) =>
          html`<table>
            <caption>
              The network in KONECT's terms: ${networkNote(study)}
            </caption>
            <tbody>
              ${summaryRows(summary).map(
                ([name, value]) =>
                  html`<tr>
                    <th scope="row">${name}</th>
                    <td class="num">${value}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
      )}
    </section>
    <section aria-labelledby="rankings">
      <h2 id="rankings">Rankings</h2>
      <div class="columns-2">
        ${ready<LocalityRank[]>(studies.partners, 'ranking by partners', (rows) =>
          rankTable('Places with the most partners', rows, 'Partners'),
        )}
        ${ready<BetweennessRanking>(studies.betweenness, 'ranking by betweenness', (b) =>
          rankTable(
            `Places by betweenness (${b.exact ? 'exact' : `sampled from ${count(b.sources)} sources`})`,
            b.top,
            'Betweenness',
          ),
        )}
      </div>
      ${ready<{ byLinks: CountryRank[] }>(studies.countries, 'ranking of countries', (c) => countryTable(c.byLinks))}
    </section>
    ${
      'pending' in studies.time
        ? html`<section aria-labelledby="growth">
            <h2 id="growth">Growth over time</h2>
            ${ready(studies.time, 'growth over time', () => html``)}
          </section>`
        : growthOfTime(studies.time.result as { formed: FormationSeries; endings: EndingsInYear[] })
    }`;
  return layout({ ...chrome, title: 'The network', current: 'network' }, body);
}

function growthOfTime(time: { formed: FormationSeries; endings: EndingsInYear[] }): SafeHtml {
  return growthSection(
    yearsOfTime(time.formed, time.endings),
    'the registry',
    `${count(time.formed.undated)} links have no dated formation.`,
  );
}
