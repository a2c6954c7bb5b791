import type { Kysely } from 'kysely';
import { countryName } from '../../core/country.js';
import type { LinkStatus } from '../../core/link-lifecycle.js';
import { formatPartialDate, type PartialDate } from '../../core/partial-date.js';
import { associationViews } from '../../registry/association/view.js';
import { localityDetail } from '../../registry/locality/detail.js';
import type { PartnerView } from '../../registry/locality/partners.js';
import type { DB } from '../../store/schema.js';
import { sourcesByKeys } from '../../store/source.repository.js';
import { count, placeLink, sourceItem, statusWords, words } from '../format.js';
import { html, hrefWith, type SafeHtml } from '../html.js';
import { layout, type Chrome } from '../layout.js';
import { placeLabels } from '../place-labels.js';
import { localityLinksNav } from './locality-nav.js';
import { partnerMapSection, PARTNER_MAP_LIBRARIES } from './partner-map.js';
import { localityVerdictsSection } from './rule-verdicts.js';
import { suggestionsPlaceholder } from './suggestions-panel.js';

/** The groups partners are shown in, each apart: which statuses each holds. */
const GROUPS: readonly { id: string; title: string; statuses: readonly LinkStatus[] }[] = [
  { id: 'in-force', title: 'In force', statuses: ['active'] },
  { id: 'paused', title: 'Paused or suspended', statuses: ['paused', 'suspended'] },
  { id: 'ended', title: 'Ended', statuses: ['ended', 'broken_unilaterally'] },
  { id: 'undated', title: 'Undated in sources', statuses: ['unknown'] },
];

function partnerTable(caption: string, rows: readonly PartnerView[], date: string | null): SafeHtml {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Partner</th>
        <th scope="col">Country</th>
        <th scope="col">Kind</th>
        <th scope="col">Status</th>
        <th scope="col">Since</th>
        <th scope="col">Link</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (p) =>
          html`<tr>
            <td>${placeLink(p.partner, date)}</td>
            <td>${p.partner.country ? countryName(p.partner.country) : '—'}</td>
            <td>${words(p.kind)}${p.exclusive ? ' (exclusive)' : ''}</td>
            <td>${statusWords(p.status)}${p.cause ? html` <span class="meta">(${p.cause})</span>` : ''}</td>
            <td>${p.since ?? p.latest?.date ?? '—'}</td>
            <td>
              <a href="/links/${p.linkId}"
                >History and sources<span class="visually-hidden">
                  of the link with ${p.partner.name}</span
                ></a
              >
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function partnerSections(
  partners: readonly PartnerView[],
  considered: readonly PartnerView[],
  date: string | null,
) {
  return [
    ...GROUPS.map((group) => {
      const rows = partners.filter((p) => group.statuses.includes(p.status));
      return html`<section aria-labelledby="partners-${group.id}">
        <h3 id="partners-${group.id}">${group.title} <span class="count">(${rows.length})</span></h3>
        ${rows.length === 0 ? html`<p>None.</p>` : partnerTable(group.title, rows, date)}
      </section>`;
    }),
    considered.length === 0
      ? ''
      : html`<section aria-labelledby="partners-considered">
          <h3 id="partners-considered">
            Under consideration <span class="count">(${considered.length})</span>
          </h3>
          ${partnerTable('Under consideration', considered, date)}
        </section>`,
  ];
}

/** A locality's page: names through time, facts, ids, partners at a date (each status apart), associations, sources. */
export async function localityPage(
  db: Kysely<DB>,
  key: string,
  asOf: PartialDate | undefined,
  today: PartialDate,
  chrome: Chrome = {},
): Promise<string> {
  const detail = await localityDetail(db, key, asOf, today);
  const loc = detail.locality;
  const date = asOf ? formatPartialDate(asOf) : null;
  const [labels, associations, described, map, verdicts] = await Promise.all([
    placeLabels(db, [loc.id]),
    associationViews(db, { memberId: loc.id }),
    sourcesByKeys(
      db,
      loc.sources.map((s) => s.sourceKey),
    ),
    partnerMapSection(
      db,
      { key: loc.key, name: detail.atDate.name, coordinates: loc.coordinates },
      [...detail.partners, ...detail.underConsideration],
      date,
    ),
    localityVerdictsSection(db, loc.key, asOf, today),
  ]);
  const label = labels.get(loc.id);
  const suggested = suggestionsPlaceholder(loc.key, date);
  const shownDate = date ?? formatPartialDate(today);
  const downloads = (format: string) => hrefWith('/v1/links', { locality: loc.key, format, asOf: date });
  const body = html`<article class="locality">
    <h1>${detail.atDate.name}</h1>
    <p class="lede">
      ${words(loc.kind)}${label?.region ? html` in ${label.region}` : ''}${
        loc.country ? html`, ${countryName(loc.country)}` : ''
      }${date ? html` <span class="meta">as of ${date}</span>` : ''}
    </p>
    <dl class="facts">
      <dt>Kind</dt>
      <dd>${words(loc.kind)}</dd>
      <dt>Country</dt>
      <dd>${loc.country ? `${countryName(loc.country)} (${loc.country})` : 'none recorded'}</dd>
      ${
        loc.parent
          ? html`<dt>Part of</dt>
              <dd>${placeLink(loc.parent)}</dd>`
          : ''
      }
      <dt>Population</dt>
      <dd>
        ${
          loc.population === null
            ? 'not recorded'
            : `${count(loc.population)}${loc.populationYear ? ` (${loc.populationYear})` : ''}`
        }
      </dd>
      <dt>GeoNames</dt>
      <dd>
        ${
          loc.geonamesId === null
            ? 'no id'
            : html`<a href="https://www.geonames.org/${loc.geonamesId}" rel="external">${loc.geonamesId}</a>`
        }
      </dd>
      <dt>Wikidata</dt>
      <dd>
        ${
          loc.wikidataId === null
            ? 'no id'
            : html`<a href="https://www.wikidata.org/wiki/${loc.wikidataId}" rel="external"
                >${loc.wikidataId}</a
              >`
        }
      </dd>
      ${
        loc.coordinates
          ? html`<dt>Coordinates</dt>
              <dd>${loc.coordinates.lat.toFixed(4)}, ${loc.coordinates.lon.toFixed(4)}</dd>`
          : ''
      }
    </dl>
    ${loc.notes ? html`<p class="notes">${loc.notes}</p>` : ''} ${localityLinksNav(loc, chrome.viewer)}

    <section aria-labelledby="names">
      <h2 id="names">Names through time</h2>
      <table>
        <caption class="visually-hidden">
          Names of ${detail.atDate.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Language</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          ${loc.names.map(
            (n) =>
              html`<tr>
                <td lang="${n.lang}">${n.name}${n.primary ? html` <span class="meta">(main)</span>` : ''}</td>
                <td>${n.lang}</td>
                <td>${n.validFrom ?? '—'}</td>
                <td>${n.validTo ?? '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>

    <section aria-labelledby="partners">
      <h2 id="partners">Partners as of ${shownDate}</h2>
      <form class="as-of" action="/places/${loc.key}" method="get">
        <label for="as-of-date">Show partners at a date</label>
        <input
          id="as-of-date"
          name="date"
          value="${date ?? ''}"
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          inputmode="numeric"
          pattern="\\d{1,4}(-\\d{2}(-\\d{2})?)?"
        />
        <button type="submit">Show</button>
        ${date ? html`<a href="/places/${loc.key}">Today</a>` : ''}
      </form>
      <p class="downloads">
        Download these links: <a href="${downloads('csv')}">CSV</a>,
        <a href="${downloads('geojson')}">GeoJSON</a>, <a href="${downloads('graphml')}">GraphML</a>
      </p>
      ${partnerSections(detail.partners, detail.underConsideration, date)}
    </section>
    ${map.section} ${verdicts} ${suggested}

    <section aria-labelledby="associations">
      <h2 id="associations">Associations</h2>
      ${
        associations.length === 0
          ? html`<p>Not a member of any association in the registry.</p>`
          : html`<ul>
              ${associations.map((a) => {
                const m = a.members.find((x) => x.locality.key === loc.key);
                return html`<li>
                  ${a.name}
                  <span class="meta"
                    >(${words(a.kind)}${m?.from ? `, from ${m.from}` : ''}${m?.to ? ` to ${m.to}` : ''}${m?.role ? `, ${m.role}` : ''})</span
                  >
                </li>`;
              })}
            </ul>`
      }
    </section>

    <section aria-labelledby="sources">
      <h2 id="sources">Sources</h2>
      ${
        loc.sources.length === 0
          ? html`<p>No source is cited for this place itself; each link cites its own.</p>`
          : html`<ul>
              ${loc.sources.map((s) => sourceItem(described.get(s.sourceKey) ?? { key: s.sourceKey, title: s.title, url: s.url }, s.locator))}
            </ul>`
      }
    </section>
  </article>`;
  const libraries = map.scripts.length ? { libraries: PARTNER_MAP_LIBRARIES } : {};
  return layout(
    { ...chrome, title: detail.atDate.name, ...libraries, scripts: [...map.scripts, 'suggestions.js'] },
    body,
  );
}
