import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipAsync = promisify(gzip);

/** The web app's own scripts and styles, beside this file in src/ (and found there when running from dist/). */
export const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url)).replace(
  /dist\/src\/web\/assets\/$/,
  'src/web/assets/',
);

const require = createRequire(import.meta.url);

/** The libraries and data the pages load, served from node_modules so that nothing comes from elsewhere. */
const VENDOR: Readonly<Record<string, readonly [string, string]>> = {
  'd3-array.min.js': ['d3-array', 'dist/d3-array.min.js'],
  'd3-geo.min.js': ['d3-geo', 'dist/d3-geo.min.js'],
  'topojson-client.min.js': ['topojson-client', 'dist/topojson-client.min.js'],
  'countries-110m.json': ['world-atlas', 'countries-110m.json'],
};

/** A file inside an installed package, found where Node would look (its exports may not list the file). */
function packageFile(name: string, file: string): string {
  const dirs = require.resolve.paths(name) ?? [];
  const dir = dirs.find((d) => existsSync(join(d, name, 'package.json')));
  return join(dir ?? dirs[0] ?? '.', name, file);
}

const OWN = /^[a-z][a-z0-9-]*\.(js|css)$/;

const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
};

/** A file as sent: its type, its bytes, and the same gzipped. */
export interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const loaded = new Map<string, Promise<Asset | undefined>>();

async function load(name: string): Promise<Asset | undefined> {
  const vendor = VENDOR[name];
  if (!vendor && !OWN.test(name)) return undefined;
  const path = vendor ? packageFile(...vendor) : `${ASSETS_DIR}${name}`;
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return undefined;
  }
  const type = TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
  return { type, body, gzipped: await gzipAsync(body, { level: 9 }) };
}

/** An asset by file name, read and compressed once; undefined for a name that is not one. */
export function asset(name: string): Promise<Asset | undefined> {
  let found = loaded.get(name);
  if (!found) {
    found = load(name);
    loaded.set(name, found);
  }
  return found;
}

/** Whether the client takes gzip. */
export function acceptsGzip(request: FastifyRequest): boolean {
  return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
}

/** Sends bytes, gzipped when the client takes it. */
export function sendBytes(
  request: FastifyRequest,
  reply: FastifyReply,
  type: string,
  body: Uint8Array,
  gzipped: Uint8Array,
): FastifyReply {
  void reply.header('content-type', type).header('vary', 'accept-encoding');
  // Bytes that came back from a worker thread are a plain Uint8Array: viewed as a Buffer, not copied.
  const bytes = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(bytes(gzipped));
  return reply.send(bytes(body));
}

let styleSheet: string | undefined;

/**
 * The site's style sheet, for the pages to carry inline: a stylesheet link blocks the first paint until it
 * has come back, which under load took as long as the page itself. Read once, when the first page is made.
 * A `</style` inside it would end the element early, so such a sheet is refused.
 */
export function inlineStyleSheet(): string {
  if (styleSheet === undefined) {
    const text = readFileSync(`${ASSETS_DIR}style.css`, 'utf8');
    if (/<\/style/i.test(text))
      throw new Error(`${ASSETS_DIR}style.css holds "</style", which would end it early`);
    styleSheet = text;
  }
  return styleSheet;
}
