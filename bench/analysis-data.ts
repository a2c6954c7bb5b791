/**
 * Loads the shared real data sets (../shared/data, never copied into the repository) as analysis
 * input for the benchmark. Each loader returns undefined when its files are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import type { TwinEdgeInput, TwinGraphInput, TwinNodeInput } from '../src/analysis/graph-input.js';
import { foldText } from '../src/core/text-fold.js';

/** Where the shared data lives, seen from the project root. */
export const SHARED_DATA = join(process.cwd(), '..', 'shared', 'data');

const WIKIPEDIA_RAW = 'wikipedia-lists/twin_cities_raw.csv';
const WIKIDATA_NODES = 'wikidata-2026/nodes.tsv';
const WIKIDATA_LINKS = 'wikidata-2026/links.tsv';

/** A named input and the files it came from. */
export interface Dataset {
  name: string;
  files: string[];
  input: TwinGraphInput;
}

/** English Wikipedia's lists of twin towns: nodes keyed `name|country` as the lists write them. */
export function loadWikipediaLists(root = SHARED_DATA): Dataset | undefined {
  const path = join(root, WIKIPEDIA_RAW);
  if (!existsSync(path)) return undefined;
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const nodes = new Map<string, TwinNodeInput>();
  const edges: TwinEdgeInput[] = [];
  const node = (name: string, country: string): string => {
    const key = `${name}|${country}`;
    if (!nodes.has(key)) nodes.set(key, { key, label: name, country });
    return key;
  };
  for (const row of rows) {
    edges.push({
      a: node(row.city1!, row.country1!),
      b: node(row.city2!, row.country2!),
      sources: ['wikipedia-lists'],
    });
  }
  return { name: 'Wikipedia lists', files: [WIKIPEDIA_RAW], input: { nodes: [...nodes.values()], edges } };
}

/** Wikidata P190 between cities (2026), with coordinates, ISO country and continent; nodes keyed by Q-id. */
export function loadWikidata2026(root = SHARED_DATA): Dataset | undefined {
  const nodesPath = join(root, WIKIDATA_NODES);
  const linksPath = join(root, WIKIDATA_LINKS);
  if (!existsSync(nodesPath) || !existsSync(linksPath)) return undefined;
  const nodes = tsvRows(nodesPath).map((r): TwinNodeInput => ({
    key: r.id!,
    label: r.name!,
    country: r.countrycd!,
    continent: r.continent!,
    lat: Number(r.lat),
    lon: Number(r.lng),
  }));
  const edges = tsvRows(linksPath).map((r): TwinEdgeInput => ({
    a: r.source!,
    b: r.target!,
    sources: ['wikidata-2026'],
  }));
  return { name: 'Wikidata 2026', files: [WIKIDATA_NODES, WIKIDATA_LINKS], input: { nodes, edges } };
}

function tsvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const columns = header!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [columns[i]!, value])));
}

/**
 * Both sets as one network, places matched by folded name and ISO country only (a crude merge for
 * benchmarking; real reconciliation belongs to src/ingest/reconcile). A pair listed by both is one edge.
 */
export function mergeDatasets(wikipedia: Dataset, wikidata: Dataset): Dataset {
  const rekey = new Map<string, string>();
  const nodes = new Map<string, TwinNodeInput>();
  for (const node of [...wikipedia.input.nodes, ...wikidata.input.nodes]) {
    const country = isoCountry(node.country ?? '');
    const key = `${foldText(node.label ?? node.key)}|${country}`;
    rekey.set(node.key, key);
    const known = nodes.get(key);
    nodes.set(key, { ...known, ...node, key, country });
  }
  const edges = [...wikipedia.input.edges, ...wikidata.input.edges].map((edge) => ({
    ...edge,
    a: rekey.get(edge.a)!,
    b: rekey.get(edge.b)!,
  }));
  return {
    name: 'Merged (Wikipedia lists + Wikidata 2026)',
    files: [...wikipedia.files, ...wikidata.files],
    input: { nodes: [...nodes.values()], edges },
  };
}

/** An ISO alpha-2 code for a country as the lists write it ("England, United Kingdom" → GB), or the text folded. */
function isoCountry(country: string): string {
  if (/^[A-Z]{2}$/.test(country)) return country;
  const name = (country.split(',').at(-1) ?? '').replace(/\(.*\)/, '').trim();
  return countries.getAlpha2Code(name, 'en') ?? foldText(name);
}
