import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../../core/policies/rule.js';
import { BUNDLED_DATA_DIR } from '../open-registry.js';
import { parseLocatedYaml } from '../seed/yaml-file.js';
import { BUNDLED_RULES_DIR, readRuleSet } from './read-rules.js';

let cached: RuleSet | undefined;

/** The keys of the bundled sources (data/sources.yaml), which rules cite. */
export function bundledSourceKeys(dataDir = BUNDLED_DATA_DIR): Set<string> {
  const yaml = parseLocatedYaml(readFileSync(join(dataDir, 'sources.yaml'), 'utf8'), 'sources.yaml');
  return new Set((yaml.value as { key: string }[]).map((s) => s.key));
}

/** The bundled rules and country lists, read and checked once per process. */
export function bundledRuleSet(): RuleSet {
  cached ??= readRuleSet(BUNDLED_RULES_DIR, bundledSourceKeys());
  return cached;
}
