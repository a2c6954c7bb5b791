import type { Community } from '../../analysis/communities.js';
import type { GeographyStudy } from '../../analysis/geography.js';
import type { BetweennessRanking, CountryPair, CountryRank, LocalityRank } from '../../analysis/rankings.js';
import type { AgainstNull } from '../../analysis/statistics.js';
import type { EndingsInYear, FormationSeries, GrowthPoint } from '../../analysis/time-series.js';
import type { StudyName } from '../../registry/network/studies.js';

const place = (r: LocalityRank): string => `${r.label ?? r.key}${r.country ? ` (${r.country})` : ''}`;
const num = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function ranks(rows: readonly LocalityRank[], digits = 0): string {
  return rows.map((r, i) => `${String(i + 1).padStart(3)}. ${place(r)}: ${num(r.value, digits)}`).join('\n');
}

function countries(value: { byLinks: CountryRank[]; pairs: CountryPair[] }): string {
  return [
    'Countries by links (localities twinned):',
    ...value.byLinks.map((c) => `  ${c.country}: ${c.links} links (${c.localities} localities)`),
    'Country pairs by links:',
    ...value.pairs.map((p) => `  ${p.a}–${p.b}: ${p.links}`),
  ].join('\n');
}

const band = (label: string, x: AgainstNull, digits: number, unit = ''): string =>
  `  ${label}: ${num(x.observed, digits)}${unit} observed; null model ${num(x.nullMean, digits)}${unit} (95% band ${num(x.nullLow, digits)}–${num(x.nullHigh, digits)})`;

function geography(g: GeographyStudy): string {
  return [
    `Links with coordinates at both ends: ${g.locatedLinks}; null model: ${g.repetitions} randomised networks (seed ${g.seed})`,
    band('Median distance', g.medianKm, 0, ' km'),
    band('Mean distance', g.meanKm, 0, ' km'),
    band('Share within one country', g.withinCountry, 3),
    band('Share within one continent', g.withinContinent, 3),
    `Verdict: ${g.verdict}`,
  ].join('\n');
}

function time(value: { formed: FormationSeries; endings: EndingsInYear[]; growth?: GrowthPoint[] }): string {
  const lines = [
    `Links formed, by decade (${value.formed.undated} links have no date of formation):`,
    ...value.formed.perDecade.map((d) => `  ${d.decade}s: ${d.links}`),
    'Endings, pauses and suspensions by year:',
    ...value.endings.map(
      (e) =>
        `  ${e.year}: ${Object.entries(e.byType)
          .map(([type, n]) => `${n} ${type.replace(/_/g, ' ')}`)
          .join(
            ', ',
          )}${e.causes.length ? ` — ${e.causes.map((c) => `${c.cause} (${c.links})`).join('; ')}` : ''}`,
    ),
  ];
  if (value.growth) {
    lines.push(
      'Growth (year: formed, ended, active):',
      ...value.growth.map((g) => `  ${g.year}: +${g.formed} −${g.ended} = ${g.active}`),
    );
  }
  return lines.join('\n');
}

function communities(value: { modularity: number; count: number; communities: Community[] }): string {
  return [
    `${value.count} communities, modularity ${num(value.modularity, 3)}; the largest:`,
    ...value.communities.map(
      (c) =>
        `  #${c.id}: ${c.size} places; ${c.countries.map((s) => `${s.country} ${(100 * s.share).toFixed(0)}%`).join(', ')}; hubs ${c.hubs.join(', ')}`,
    ),
  ].join('\n');
}

/** A study's result as plain text (the summary has its own table). */
export function formatStudy(name: StudyName, value: unknown): string {
  switch (name) {
    case 'summary':
      return JSON.stringify(value, null, 2);
    case 'partners':
      return ranks(value as LocalityRank[]);
    case 'betweenness': {
      const b = value as BetweennessRanking;
      const how = b.exact ? 'exact' : `sampled from ${b.sources} sources (seed ${b.seed})`;
      return `Betweenness, ${how}:\n${ranks(b.top, 5)}`;
    }
    case 'countries':
      return countries(value as { byLinks: CountryRank[]; pairs: CountryPair[] });
    case 'geography':
      return geography(value as GeographyStudy);
    case 'time':
      return time(value as { formed: FormationSeries; endings: EndingsInYear[]; growth?: GrowthPoint[] });
    case 'communities':
      return communities(value as { modularity: number; count: number; communities: Community[] });
  }
}
