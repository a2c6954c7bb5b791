import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mesh } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import { coastIndex, type CoastIndex } from '../../core/suggest/coast.js';

const require = createRequire(import.meta.url);

/** Natural Earth's land at 1:10m, as the world-atlas package ships it (the maps use its 1:110m countries). */
function landFile(): string {
  const file = join(dirname(require.resolve('world-atlas/package.json')), 'land-10m.json');
  if (!existsSync(file)) throw new Error(`the coastline needs ${file} (npm package world-atlas)`);
  return file;
}

let cached: CoastIndex | undefined;

/**
 * The world's coastlines, indexed for `kmToCoast`: the outer edges of Natural Earth's 1:10m land (about 409,000
 * points), read once per process.
 */
export function coastline(): CoastIndex {
  if (!cached) {
    const file = landFile();
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<Objects>;
    const land = topology.objects['land'];
    if (!land) throw new Error(`${file}: no object "land" in the topology`);
    cached = coastIndex(mesh(topology, land).coordinates);
  }
  return cached;
}
