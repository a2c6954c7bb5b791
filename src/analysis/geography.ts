import { distanceShares, edgeDistancesKm } from './geo-distance.js';
import { doubleEdgeSwap, type EdgeList } from './null-model.js';
import { seededRng } from './random.js';
import { againstNull, mean, quantile, type AgainstNull } from './statistics.js';
import type { TwinGraph } from './twin-graph.js';

/** How the geography study runs its null model. */
export interface GeographyOptions {
  /** Randomised networks to draw (default 50). */
  repetitions?: number;
  /** Swap attempts per edge in each randomisation (default 10). */
  swapsPerEdge?: number;
  seed?: number;
  /** Width of the distance histogram's bins (default 500 km). */
  binKm?: number;
}

/** The measures the study takes of one network, real or randomised. */
interface GeoMeasures {
  medianKm: number;
  meanKm: number;
  withinCountry: number;
  withinContinent: number;
  shares: number[];
}

/** One bin of the distance distribution, observed and under the null model. */
export interface DistanceBin extends AgainstNull {
  fromKm: number;
  toKm: number;
}

/** Distances between partners and the shares of links within one country and one continent, against a null model. */
export interface GeographyStudy {
  /** Links with coordinates at both ends, the base of the distance measures. */
  locatedLinks: number;
  /** Links with a country (continent) at both ends, the base of the within-country (-continent) shares. */
  countryLinks: number;
  continentLinks: number;
  repetitions: number;
  seed: number;
  medianKm: AgainstNull;
  meanKm: AgainstNull;
  withinCountry: AgainstNull;
  withinContinent: AgainstNull;
  distribution: DistanceBin[];
  verdict: string;
}

/** Runs the study: observed measures, the same over degree-preserving randomisations, and a verdict in words. */
export function geographyStudy(graph: TwinGraph, options: GeographyOptions = {}): GeographyStudy {
  const repetitions = options.repetitions ?? 50;
  const seed = options.seed ?? 1;
  const binKm = options.binKm ?? 500;
  const attempts = Math.round((options.swapsPerEdge ?? 10) * graph.m);
  const rng = seededRng(seed);
  const real: EdgeList = { edgeA: graph.edgeA, edgeB: graph.edgeB };
  const observed = measure(graph, real, binKm);
  const draws: GeoMeasures[] = [];
  for (let r = 0; r < repetitions; r++)
    draws.push(measure(graph, doubleEdgeSwap(graph.n, real, attempts, rng), binKm));
  const pick = (f: (x: GeoMeasures) => number): AgainstNull => againstNull(f(observed), draws.map(f));
  const study = {
    locatedLinks: edgeDistancesKm(graph, graph.edgeA, graph.edgeB).length,
    countryLinks: countPairs(graph, real, 'country').known,
    continentLinks: countPairs(graph, real, 'continent').known,
    repetitions,
    seed,
    medianKm: pick((x) => x.medianKm),
    meanKm: pick((x) => x.meanKm),
    withinCountry: pick((x) => x.withinCountry),
    withinContinent: pick((x) => x.withinContinent),
    distribution: observed.shares.map((_, b) => ({
      fromKm: b * binKm,
      toKm: (b + 1) * binKm,
      ...pick((x) => x.shares[b]!),
    })),
  };
  return { ...study, verdict: geographyVerdict(study) };
}

function measure(graph: TwinGraph, edges: EdgeList, binKm: number): GeoMeasures {
  const distances = edgeDistancesKm(graph, edges.edgeA, edges.edgeB);
  const country = countPairs(graph, edges, 'country');
  const continent = countPairs(graph, edges, 'continent');
  return {
    medianKm: quantile(distances, 0.5),
    meanKm: mean(distances),
    withinCountry: country.same / country.known,
    withinContinent: continent.same / continent.known,
    shares: distanceShares(distances, binKm),
  };
}

/** Edges whose ends both carry the attribute, and those where it is the same at both ends. */
function countPairs(
  graph: TwinGraph,
  edges: EdgeList,
  attribute: 'country' | 'continent',
): { known: number; same: number } {
  let known = 0;
  let same = 0;
  for (let i = 0; i < edges.edgeA.length; i++) {
    const x = graph.nodes[edges.edgeA[i]!]![attribute];
    const y = graph.nodes[edges.edgeB[i]!]![attribute];
    if (x === undefined || y === undefined) continue;
    known++;
    if (x === y) same++;
  }
  return { known, same };
}

/** Says in plain words what the study found, with its numbers. */
export function geographyVerdict(study: Omit<GeographyStudy, 'verdict' | 'distribution'>): string {
  const km = (x: number): string => `${Math.round(x)} km`;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const { medianKm, withinCountry, withinContinent } = study;
  return [
    `Null model: ${study.repetitions} degree-preserving randomisations (seed ${study.seed}); every place keeps its number of partners.`,
    measureLine(`Distance (${study.locatedLinks} located links): median`, study.locatedLinks, medianKm, km, [
      'partners lie farther apart than chance',
      'partners lie nearer than chance',
      'distance makes no difference beyond chance',
    ]),
    measureLine(`Within one country (${study.countryLinks} links):`, study.countryLinks, withinCountry, pct, [
      'more domestic links than chance',
      'fewer domestic links than chance',
      'as many domestic links as chance',
    ]),
    measureLine(
      `Within one continent (${study.continentLinks} links):`,
      study.continentLinks,
      withinContinent,
      pct,
      [
        'links stay within a continent more than chance',
        'links cross continents more than chance',
        'links stay within a continent as often as chance',
      ],
    ),
    sideBySide(study),
  ].join('\n');
}

/** One measure against its null band, with the phrase for above, below or inside the band. */
function measureLine(
  label: string,
  base: number,
  x: AgainstNull,
  format: (v: number) => string,
  [above, below, inside]: [string, string, string],
): string {
  if (base === 0) return `${label} no data.`;
  const band = `${format(x.observed)} against ${format(x.nullMean)} (95% band ${format(x.nullLow)}–${format(x.nullHigh)})`;
  const verdict = x.observed > x.nullHigh ? above : x.observed < x.nullLow ? below : inside;
  return `${label} ${band}, ${(x.observed / x.nullMean).toFixed(2)} times the null; ${verdict}.`;
}

/** The two published claims (distance matters little; links mostly stay within a continent), each tested here. */
function sideBySide({
  medianKm,
  withinContinent,
  locatedLinks,
  continentLinks,
}: Omit<GeographyStudy, 'verdict' | 'distribution'>): string {
  const distanceClaim =
    locatedLinks === 0
      ? 'cannot be tested without coordinates'
      : medianKm.observed < medianKm.nullLow
        ? `does not hold: partners are ${(medianKm.observed / medianKm.nullMean).toFixed(2)} times as far apart as chance would put them`
        : 'holds: partners are no nearer than chance would put them';
  const share = `${(100 * withinContinent.observed).toFixed(1)}% of links stay within a continent`;
  const continentClaim =
    continentLinks === 0
      ? 'cannot be tested without continents'
      : `${withinContinent.observed > 0.5 ? 'holds' : 'does not hold'}: ${share}`;
  return `Side by side: "distance has little influence" ${distanceClaim}; "links mostly stay within a continent" ${continentClaim}.`;
}
