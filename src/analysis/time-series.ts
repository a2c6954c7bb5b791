import type { LinkEndType, TwinGraphInput } from './graph-input.js';
import { countryOf, compareText } from './rankings.js';
import type { TwinGraph } from './twin-graph.js';

/** One link of the graph with the dates of the input edges it merges. */
export interface LinkRecord {
  a: number;
  b: number;
  /** The earliest year any merged input edge gives. */
  formed?: number;
  /** The end, its type and cause, as the first merged input edge that has an end gives them. */
  ended?: number;
  endedType?: LinkEndType;
  cause?: string;
}

/** Links formed in each year and decade, and how many have no date. */
export interface FormationSeries {
  perYear: { year: number; links: number }[];
  perDecade: { decade: number; links: number }[];
  undated: number;
}

/** Endings in one year, by type, with their causes. */
export interface EndingsInYear {
  year: number;
  byType: Partial<Record<LinkEndType, number>>;
  causes: { cause: string; links: number }[];
}

/** One year of a country's links: formed and ended that year, active at its end. */
export interface GrowthPoint {
  year: number;
  formed: number;
  ended: number;
  active: number;
}

/** The graph's links with dates merged from the input edges behind each (earliest formation, first end). */
export function linkRecords(graph: TwinGraph, input: TwinGraphInput): LinkRecord[] {
  return graph.edgeOrigins.map((origins, i) => {
    const edges = origins.map((o) => input.edges[o]!);
    const years = edges.flatMap((edge) => (edge.formed === undefined ? [] : [edge.formed]));
    const end = edges.find((edge) => edge.ended !== undefined);
    const record: LinkRecord = {
      a: graph.edgeA[i]!,
      b: graph.edgeB[i]!,
      ...(years.length ? { formed: Math.min(...years) } : {}),
    };
    if (end)
      Object.assign(record, {
        ended: end.ended,
        ...(end.endedType ? { endedType: end.endedType } : {}),
        ...(end.cause ? { cause: end.cause } : {}),
      });
    return record;
  });
}

/** Links formed per year and per decade, where dates exist. */
export function linksFormed(links: readonly LinkRecord[]): FormationSeries {
  const perYear = new Map<number, number>();
  let undated = 0;
  for (const link of links) {
    if (link.formed === undefined) undated++;
    else perYear.set(link.formed, (perYear.get(link.formed) ?? 0) + 1);
  }
  const perDecade = new Map<number, number>();
  for (const [year, count] of perYear)
    perDecade.set(Math.floor(year / 10) * 10, (perDecade.get(Math.floor(year / 10) * 10) ?? 0) + count);
  return {
    perYear: [...perYear].sort((x, y) => x[0] - y[0]).map(([year, links]) => ({ year, links })),
    perDecade: [...perDecade].sort((x, y) => x[0] - y[0]).map(([decade, links]) => ({ decade, links })),
    undated,
  };
}

/** Terminations, suspensions and other endings per year, with their causes ("unstated" when none is given). */
export function endingsPerYear(links: readonly LinkRecord[]): EndingsInYear[] {
  const years = new Map<
    number,
    { byType: Partial<Record<LinkEndType, number>>; causes: Map<string, number> }
  >();
  for (const link of links) {
    if (link.ended === undefined) continue;
    let entry = years.get(link.ended);
    if (!entry) years.set(link.ended, (entry = { byType: {}, causes: new Map() }));
    const type = link.endedType ?? 'terminated';
    entry.byType[type] = (entry.byType[type] ?? 0) + 1;
    const cause = link.cause ?? 'unstated';
    entry.causes.set(cause, (entry.causes.get(cause) ?? 0) + 1);
  }
  return [...years]
    .sort((x, y) => x[0] - y[0])
    .map(([year, { byType, causes }]) => ({
      year,
      byType,
      causes: [...causes]
        .map(([cause, count]) => ({ cause, links: count }))
        .sort((x, y) => y.links - x.links || compareText(x.cause, y.cause)),
    }));
}

/** Year by year, the links of one country formed, ended and active (dated links only). */
export function countryGrowth(
  graph: TwinGraph,
  links: readonly LinkRecord[],
  country: string,
): GrowthPoint[] {
  const formed = new Map<number, number>();
  const ended = new Map<number, number>();
  for (const link of links) {
    if (countryOf(graph, link.a) !== country && countryOf(graph, link.b) !== country) continue;
    if (link.formed === undefined) continue;
    formed.set(link.formed, (formed.get(link.formed) ?? 0) + 1);
    if (link.ended !== undefined) ended.set(link.ended, (ended.get(link.ended) ?? 0) + 1);
  }
  const years = [...formed.keys(), ...ended.keys()];
  if (years.length === 0) return [];
  const points: GrowthPoint[] = [];
  let active = 0;
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const f = formed.get(year) ?? 0;
    const e = ended.get(year) ?? 0;
    active += f - e;
    points.push({ year, formed: f, ended: e, active });
  }
  return points;
}
