import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { TwinningError } from '../../core/errors.js';
import type { CountryList, Rule, RuleSet } from '../../core/policies/rule.js';
import { fieldPath, parseLocatedYaml, pointerSegments, type LocatedYaml } from '../seed/yaml-file.js';
import { countryListFromEntry, ruleFromEntry } from './rule-entry.js';
import { CountryListEntry, RuleEntry } from './rule-schemas.js';

/** The bundled rules folder, beside src/ (and beside dist/src/ when built). */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../../data/rules/', import.meta.url)).replace(
  /dist\/data\/rules\/$/,
  'data/rules/',
);

/** The file of country lists inside a rules folder; every other *.yaml file holds one rule. */
export const LISTS_FILE = 'country-lists.yaml';

type Path = (string | number)[];

function failAt(yaml: LocatedYaml, path: Path, message: string): never {
  const { line, column } = yaml.locate(path);
  throw new TwinningError('DataFileInvalid', message, {
    file: yaml.file,
    line,
    column,
    field: fieldPath(path),
  });
}

/** Runs a conversion; its TwinningError gets the file, line and field (relative to `path`). */
function located<T>(yaml: LocatedYaml, path: Path, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof TwinningError) || error.location.file) throw error;
    const extra = (error.location.field ?? '').split('.').filter((s) => s !== '');
    return failAt(yaml, [...path, ...extra.map((s) => (/^\d+$/.test(s) ? Number(s) : s))], error.message);
  }
}

function check(yaml: LocatedYaml, path: Path, schema: TSchema, value: unknown): void {
  const first = Value.Errors(schema, value).First();
  if (first) failAt(yaml, [...path, ...pointerSegments(first.path)], first.message.toLowerCase());
}

function checkCites(
  yaml: LocatedYaml,
  value: unknown,
  path: Path,
  sourceKeys: ReadonlySet<string> | undefined,
): void {
  if (sourceKeys === undefined || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const here = [...path, Array.isArray(value) ? Number(k) : k];
    if ((k === 'cite' && Array.isArray(v)) || (k === 'cite' && typeof v === 'string')) {
      (Array.isArray(v) ? v : [v]).forEach((c: unknown, i) => {
        const key = String(c).split('#')[0]!;
        if (!sourceKeys.has(key))
          failAt(
            yaml,
            Array.isArray(v) ? [...here, i] : here,
            `cites "${key}", which sources.yaml does not define`,
          );
      });
    } else checkCites(yaml, v, here, sourceKeys);
  }
}

/** Reads the country lists and every rule of a folder; the first problem throws with file:line: field. */
export function readRuleSet(
  dir = BUNDLED_RULES_DIR,
  sourceKeys?: ReadonlySet<string>,
  shownDir = relative(process.cwd(), dir) || '.',
): RuleSet {
  const read = (name: string): LocatedYaml =>
    parseLocatedYaml(readFileSync(join(dir, name), 'utf8'), join(shownDir, name));
  const listsYaml = read(LISTS_FILE);
  if (!Array.isArray(listsYaml.value)) failAt(listsYaml, [], 'the file must be a YAML list of country lists');
  const lists: CountryList[] = (listsYaml.value as unknown[]).map((item, i) => {
    check(listsYaml, [i], CountryListEntry, item);
    checkCites(listsYaml, item, [i], sourceKeys);
    return located(listsYaml, [i], () => countryListFromEntry(item as CountryListEntry));
  });
  const listIds = new Set<string>();
  lists.forEach((l, i) => {
    if (listIds.has(l.id)) failAt(listsYaml, [i, 'id'], `list id "${l.id}" is used twice`);
    listIds.add(l.id);
  });
  const rules: Rule[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== LISTS_FILE)
    .sort();
  for (const file of files) {
    const yaml = read(file);
    check(yaml, [], RuleEntry, yaml.value);
    checkCites(yaml, yaml.value, [], sourceKeys);
    const rule = located(yaml, [], () => ruleFromEntry(yaml.value as RuleEntry, lists));
    if (rules.some((r) => r.id === rule.id)) failAt(yaml, ['id'], `rule id "${rule.id}" is used twice`);
    rules.push({ ...rule, origin: yaml.file });
  }
  return { rules, lists };
}

/** Reads one rule file (a what-if's added or changed rule), checked as the bundled ones are. */
export function readRuleFile(path: string, lists: RuleSet['lists'], sourceKeys?: ReadonlySet<string>): Rule {
  const yaml = parseLocatedYaml(readFileSync(path, 'utf8'), path);
  check(yaml, [], RuleEntry, yaml.value);
  checkCites(yaml, yaml.value, [], sourceKeys);
  return { ...located(yaml, [], () => ruleFromEntry(yaml.value as RuleEntry, lists)), origin: yaml.file };
}
