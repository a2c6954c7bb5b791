import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  storedSubdivisionIndex,
  storeSubdivisionIndex,
  type SubdivisionIndex,
} from '../../../src/ingest/reconcile/subdivision-cache.js';
import type { Subdivision } from '../../../src/ingest/reconcile/subdivision.js';

const BUILDER = fileURLToPath(new URL('../../../src/ingest/reconcile/subdivisions.ts', import.meta.url));

function sample(): SubdivisionIndex {
  const bavaria: Subdivision = {
    code: 'DE-BY',
    country: 'DE',
    parent: 'DE',
    level: 1,
    name: 'Bavaria',
    names: ['Bavaria', 'Bayern', 'Baviera'],
    scheme: 'iso',
  };
  const nerima: Subdivision = {
    code: 'JP.40.13120',
    country: 'JP',
    parent: 'JP',
    level: 2,
    name: 'Nerima',
    names: ['Nerima'],
    scheme: 'geonames',
    admin1: '40',
    lat: 35.7355,
    lon: 139.6517,
  };
  const commune: Subdivision = {
    code: 'FR.COM.24031',
    country: 'FR',
    parent: 'FR',
    level: 2,
    name: "Badefols-d'Ans",
    names: ["Badefols-d'Ans"],
    scheme: 'insee',
    population: 520,
  };
  return {
    all: new Map([bavaria, nerima, commune].map((s) => [s.code, s])),
    byKey: new Map([
      ['bavaria', [bavaria]],
      ['bayern', [bavaria]],
      ['nerima', [nerima]],
      ['badefols d ans', [commune, bavaria]],
    ]),
    bySkeleton: new Map([['nrm', [nerima]]]),
    // Bayern is Bavaria's German name, filed as a name of another language.
    translated: new Map([['DE-BY', new Set(['bayern'])]]),
  };
}

const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'twinning-subdivisions-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the stored subdivision index', () => {
  it('is built and stored once, then read back the same: fields, order, and one object per subdivision', () => {
    const dir = cacheDir();
    let builds = 0;
    const build = () => (builds++, sample());
    const first = storedSubdivisionIndex(BUILDER, build, dir);
    expect(builds).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    const again = storedSubdivisionIndex(BUILDER, build, dir);
    expect(builds).toBe(1);
    expect(again).toEqual(first);
    expect([...again.all.keys()]).toEqual([...first.all.keys()]);
    // Property order too, as the index builds its objects.
    expect([...again.all.values()].map((s) => Object.keys(s))).toEqual(
      [...first.all.values()].map((s) => Object.keys(s)),
    );
    expect(again.byKey.get('badefols d ans')![1]).toBe(again.all.get('DE-BY'));
    expect(again.byKey.get('bayern')![0]).toBe(again.byKey.get('bavaria')![0]);
  });

  it('rebuilds a damaged file, and storing writes only what is missing', () => {
    const dir = cacheDir();
    let builds = 0;
    const build = () => (builds++, sample());
    storeSubdivisionIndex(BUILDER, build, dir);
    storeSubdivisionIndex(BUILDER, build, dir);
    expect(builds).toBe(1);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"subdivisions": [');
    expect(storedSubdivisionIndex(BUILDER, build, dir)).toEqual(sample());
    expect(builds).toBe(2);
    expect(storedSubdivisionIndex(BUILDER, build, dir)).toEqual(sample());
    expect(builds).toBe(2);
  });

  it('keeps a file per version of the code that builds it, removing the others', () => {
    const dir = cacheDir();
    writeFileSync(join(dir, 'subdivisions-0123456789abcdef0123.json'), '{}');
    storedSubdivisionIndex(BUILDER, sample, dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe('subdivisions-0123456789abcdef0123.json');
    // Another builder module (another version of the code) has another file.
    const other = fileURLToPath(new URL('../../../src/ingest/reconcile/french-communes.ts', import.meta.url));
    storedSubdivisionIndex(other, sample, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)[0]).not.toBe(files[0]);
  });
});
