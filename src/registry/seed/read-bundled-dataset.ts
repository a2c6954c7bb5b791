import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Association } from '../../core/association.js';
import { normalizeCountry } from '../../core/country.js';
import { TwinningError } from '../../core/errors.js';
import type { Link } from '../../core/link.js';
import { contradictions } from '../../core/link-lifecycle.js';
import type { Locality } from '../../core/locality.js';
import { validateNames } from '../../core/locality-names.js';
import { parsePartialDate, type PartialDate } from '../../core/partial-date.js';
import type { Citation, Source } from '../../core/source.js';
import type { Term } from '../../core/terminology.js';
import { AssociationEntry, LinkEntry, LocalityEntry, SourceEntry, TermEntry } from './schemas.js';
import { fieldPath, parseLocatedYaml, pointerSegments, type LocatedYaml } from './yaml-file.js';

/** Everything in the bundled `data/` folder, checked and in domain form. */
export interface BundledDataset {
  sources: Source[];
  localities: Locality[];
  links: Link[];
  associations: Association[];
  terms: Term[];
}

type Path = (string | number)[];

/** Runs `fn`; a TwinningError it throws gets the file, line and field of `path` in `yaml`. */
function at<T>(yaml: LocatedYaml, path: Path, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof TwinningError)) throw error;
    const extra = (error.location.field ?? '').split('.').filter((s) => s !== '');
    const fieldSegments = [...path, ...extra.map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
    const { line, column } = yaml.locate(fieldSegments);
    throw new TwinningError(error.code, error.message, {
      file: yaml.file,
      line,
      column,
      field: fieldPath(fieldSegments),
    });
  }
}

function fail(yaml: LocatedYaml, path: Path, message: string): never {
  return at(yaml, path, () => {
    throw new TwinningError('DataFileInvalid', message);
  });
}

/** Reads one YAML list and checks every entry against its schema. */
function readList<T>(
  dir: string,
  name: string,
  schema: TSchema,
  shownDir: string,
): { yaml: LocatedYaml; items: T[] } {
  const path = join(dir, name);
  const yaml = parseLocatedYaml(readFileSync(path, 'utf8'), join(shownDir, name));
  if (!Array.isArray(yaml.value)) fail(yaml, [], 'the file must be a YAML list');
  (yaml.value as unknown[]).forEach((item, index) => {
    const first = Value.Errors(schema, item).First();
    if (first) fail(yaml, [index, ...pointerSegments(first.path)], first.message.toLowerCase());
  });
  return { yaml, items: yaml.value as T[] };
}

const date = (value: string | number | undefined, field: string): PartialDate | undefined =>
  value === undefined ? undefined : parsePartialDate(String(value), field);

function citations(
  cite: readonly string[] | undefined,
  sourceKeys: ReadonlySet<string>,
  field = 'cite',
): Citation[] {
  return (cite ?? []).map((c, i) => {
    const [sourceKey = '', locator] = c.split('#', 2);
    if (!sourceKeys.has(sourceKey)) {
      throw new TwinningError('DataFileInvalid', `cites "${sourceKey}", which sources.yaml does not define`, {
        field: `${field}.${i}`,
      });
    }
    return locator === undefined ? { sourceKey } : { sourceKey, locator };
  });
}

function uniqueKeys(yaml: LocatedYaml, keys: readonly string[], what: string): Set<string> {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) fail(yaml, [i, 'key'], `${what} key "${k}" is used twice`);
    seen.add(k);
  });
  return seen;
}

function subdivisionOf(e: LocalityEntry): string | undefined {
  if (e.subdivision !== undefined && e.subdivision.slice(0, 2) !== e.country?.toUpperCase()) {
    throw new TwinningError(
      'DataFileInvalid',
      `subdivision ${e.subdivision} is not in country ${e.country ?? '(none)'}`,
      {
        field: 'subdivision',
      },
    );
  }
  return e.subdivision;
}

function toLocality(e: LocalityEntry, sourceKeys: ReadonlySet<string>): Locality {
  const names = e.names.map((n, i) => ({
    name: n.name,
    lang: n.lang,
    validFrom: date(n.from, `names.${i}.from`),
    validTo: date(n.to, `names.${i}.to`),
    primary: n.primary ?? false,
  }));
  validateNames(names);
  if (names.filter((n) => n.primary).length !== 1) {
    throw new TwinningError('DataFileInvalid', 'exactly one name must be primary', { field: 'names' });
  }
  if ((e.lat === undefined) !== (e.lon === undefined)) {
    throw new TwinningError('DataFileInvalid', 'give both lat and lon, or neither', { field: 'lat' });
  }
  return {
    key: e.key,
    kind: e.kind,
    country: e.country === undefined ? undefined : normalizeCountry(e.country),
    subdivision: subdivisionOf(e),
    parentKey: e.parent,
    coordinates: e.lat !== undefined && e.lon !== undefined ? { lat: e.lat, lon: e.lon } : undefined,
    population: e.population,
    populationYear: e.population_year,
    wikidataId: e.wikidata,
    geonamesId: e.geonames,
    unverified: e.unverified,
    notes: e.notes,
    names,
    citations: citations(e.cite, sourceKeys),
  };
}

function toLink(e: LinkEntry, sourceKeys: ReadonlySet<string>): Link {
  return {
    aKey: e.between[0],
    bKey: e.between[1],
    kind: e.kind,
    purposes: e.purposes ?? [],
    exclusive: e.exclusive ?? false,
    unverified: e.unverified,
    notes: e.notes,
    citations: citations(e.cite, sourceKeys),
    events: (e.events ?? []).map((ev, i) => ({
      type: ev.type,
      date: date(ev.date, `events.${i}.date`),
      actor: ev.actor,
      actorName: ev.actor_name,
      cause: ev.cause,
      notes: ev.notes,
      unverified: ev.unverified,
      citations: citations(ev.cite, sourceKeys, `events.${i}.cite`),
    })),
  };
}

function toAssociation(e: AssociationEntry, sourceKeys: ReadonlySet<string>): Association {
  return {
    key: e.key,
    name: e.name,
    kind: e.kind,
    founded: date(e.founded, 'founded'),
    country: e.country === undefined ? undefined : normalizeCountry(e.country),
    notes: e.notes,
    citations: citations(e.cite, sourceKeys),
    members: (e.members ?? []).map((m, i) => ({
      localityKey: m.locality,
      from: date(m.from, `members.${i}.from`),
      to: date(m.to, `members.${i}.to`),
      role: m.role,
      citations: citations(m.cite, sourceKeys, `members.${i}.cite`),
    })),
  };
}

function toTerm(e: TermEntry, sourceKeys: ReadonlySet<string>): Term {
  return {
    term: e.term,
    lang: e.lang,
    romanized: e.romanized,
    country: e.country === undefined ? undefined : normalizeCountry(e.country),
    meaning: e.meaning,
    linkKind: e.link_kind,
    notes: e.notes,
    citations: citations(e.cite, sourceKeys),
  };
}

function checkLinkEnds(yaml: LocatedYaml, links: readonly Link[], localityKeys: ReadonlySet<string>): void {
  const pairs = new Set<string>();
  links.forEach((l, i) => {
    [l.aKey, l.bKey].forEach((k, side) => {
      if (!localityKeys.has(k))
        fail(yaml, [i, 'between', side], `"${k}" is not a locality in localities.yaml`);
    });
    if (l.aKey === l.bKey) fail(yaml, [i, 'between'], `a place cannot twin with itself ("${l.aKey}")`);
    const pair = [l.aKey, l.bKey].sort().join('|');
    if (pairs.has(pair))
      fail(yaml, [i, 'between'], `${l.aKey} and ${l.bKey} are linked twice; give one entry with all events`);
    pairs.add(pair);
  });
}

/** Reads and checks the five YAML files of a dataset folder; the first problem throws with file:line. */
export function readBundledDataset(
  dir: string,
  shownDir = relative(process.cwd(), dir) || '.',
): BundledDataset {
  const s = readList<SourceEntry>(dir, 'sources.yaml', SourceEntry, shownDir);
  const sourceKeys = uniqueKeys(
    s.yaml,
    s.items.map((e) => e.key),
    'source',
  );
  const l = readList<LocalityEntry>(dir, 'localities.yaml', LocalityEntry, shownDir);
  const localityKeys = uniqueKeys(
    l.yaml,
    l.items.map((e) => e.key),
    'locality',
  );
  const localities = l.items.map((e, i) => at(l.yaml, [i], () => toLocality(e, sourceKeys)));
  localities.forEach((loc, i) => {
    if (loc.parentKey !== undefined && !localityKeys.has(loc.parentKey)) {
      fail(l.yaml, [i, 'parent'], `"${loc.parentKey}" is not a locality in localities.yaml`);
    }
  });
  const k = readList<LinkEntry>(dir, 'links.yaml', LinkEntry, shownDir);
  const links = k.items.map((e, i) => at(k.yaml, [i], () => toLink(e, sourceKeys)));
  links.forEach((link, i) => {
    const [first] = contradictions(link.events);
    if (first)
      fail(k.yaml, [i, 'events', link.events.indexOf(first.event)], `contradiction: ${first.message}`);
  });
  checkLinkEnds(k.yaml, links, localityKeys);
  const a = readList<AssociationEntry>(dir, 'associations.yaml', AssociationEntry, shownDir);
  uniqueKeys(
    a.yaml,
    a.items.map((e) => e.key),
    'association',
  );
  const associations = a.items.map((e, i) => at(a.yaml, [i], () => toAssociation(e, sourceKeys)));
  associations.forEach((assoc, i) =>
    assoc.members.forEach((m, j) => {
      if (!localityKeys.has(m.localityKey))
        fail(a.yaml, [i, 'members', j, 'locality'], `"${m.localityKey}" is not a locality`);
    }),
  );
  const t = readList<TermEntry>(dir, 'terms.yaml', TermEntry, shownDir);
  const terms = t.items.map((e, i) => at(t.yaml, [i], () => toTerm(e, sourceKeys)));
  const sources: Source[] = s.items.map((e) => ({ ...e }));
  return { sources, localities, links, associations, terms };
}
