// The world map: every link at a year as a great-circle arc on Canvas 2D, places sized by partners, filters,
// a time slider, pan and zoom, hover and click, and the same links as a table. The URL holds the whole view.
/* global document, window, fetch, URLSearchParams, FormData, Option, Path2D, performance, requestAnimationFrame, d3, topojson */
import { decodeMapData } from './map-format.js';

const STATUS_CHOICES = {
  'in-force': ['active'],
  'in-force-undated': ['active', 'unknown'],
  paused: ['paused', 'suspended'],
  ended: ['ended', 'broken_unilaterally'],
  all: ['active', 'unknown', 'paused', 'suspended', 'ended', 'broken_unilaterally'],
};
const COLOURS = {
  active: '#0b5cad',
  unknown: '#5b6470',
  paused: '#b35c00',
  suspended: '#b35c00',
  ended: '#a11d1d',
  broken_unilaterally: '#a11d1d',
};
const STATUS_WORDS = {
  active: 'in force',
  unknown: 'undated in sources',
  paused: 'paused',
  suspended: 'suspended',
  ended: 'ended',
  broken_unilaterally: 'broken off by one side',
};
const TABLE_ROWS = 200;

const $ = (id) => document.getElementById(id);
const canvas = $('map-canvas');
const ctx = canvas.getContext('2d');
const form = $('map-controls');
const slider = $('map-date');
const status = $('map-message');
const tip = $('map-tip');

const state = {
  data: null,
  land: null,
  view: { k: 1, x: 0, y: 0 },
  visible: [],
  partners: null,
  drawn: null,
};
let projected; // per place: x, y in base (unzoomed) canvas coordinates (Float32Array of pairs)
let arcPoints; // every link's great circle: x, y pairs; NaN, NaN breaks the line at the antimeridian
let arcStart; // link i's pairs are arcPoints[arcStart[i] .. arcStart[i + 1]) (indexes of floats)

function words(code) {
  return code ? code.replace(/_/g, ' ') : 'not stated';
}

/** The status index of link i at a year, from its `year, status` change pairs; -1 when not formed. */
function statusAt(data, i, year) {
  const { changes } = data;
  const end = data.changeStart[i + 1] * 2;
  let found = -1;
  for (let c = data.changeStart[i] * 2; c < end && changes[c] <= year; c += 2) found = changes[c + 1];
  return found;
}

/** Whether link i cites the source of index s. */
function cites(data, i, s) {
  for (let j = data.sourceStart[i]; j < data.sourceStart[i + 1]; j++)
    if (data.linkSources[j] === s) return true;
  return false;
}

function filters() {
  const f = new FormData(form);
  return {
    year: Number(f.get('date')),
    kind: f.get('kind') || '',
    status: f.get('status') || 'in-force',
    country: f.get('country') || '',
    continent: f.get('continent') || '',
    source: f.get('source') || '',
  };
}

/** The links the filters keep at the year, with their status. */
function select(data, f) {
  const wanted = new Set(
    (STATUS_CHOICES[f.status] ?? STATUS_CHOICES['in-force']).map((s) => data.statuses.indexOf(s)),
  );
  const kind = f.kind === '' ? -1 : data.kinds.indexOf(f.kind);
  const country = f.country === '' ? -1 : data.countries.indexOf(f.country);
  const source = f.source === '' ? -1 : data.sources.indexOf(f.source);
  const touches = (i, test) => test(data.country[data.a[i]]) || test(data.country[data.b[i]]);
  const visible = [];
  if ((f.kind !== '' && kind < 0) || (f.country !== '' && country < 0) || (f.source !== '' && source < 0))
    return visible;
  for (let i = 0; i < data.linkCount; i++) {
    if (kind >= 0 && data.kind[i] !== kind) continue;
    if (source >= 0 && !cites(data, i, source)) continue;
    if (country >= 0 && !touches(i, (c) => c === country)) continue;
    if (f.continent !== '' && !touches(i, (c) => data.continents[c] === f.continent)) continue;
    const s = statusAt(data, i, f.year);
    if (!wanted.has(s)) continue;
    visible.push(i, s);
  }
  return visible;
}

/**
 * Projects every place once, then every link's great circle as a polyline into one Float32Array. The arcs are
 * the bulk of the work (tens of thousands), so they skip d3's per-point projection pipeline and allocate
 * nothing per point: the great circle is interpolated on unit vectors (spherical linear interpolation) and each
 * point goes through Natural Earth's raw formula (d3's `geoNaturalEarth1Raw`, written out) with the fitted
 * projection's scale and translation (no rotation is set, so this is what `projection(point)` gives).
 */
function projectAll(data) {
  const { width, height } = canvas;
  const projection = d3.geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    { type: 'Sphere' },
  );
  state.projection = projection;
  const t0 = performance.now();
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const radians = Math.PI / 180;
  const places = data.placeCount;
  projected = new Float32Array(places * 2);
  const unit = new Float64Array(places * 3);
  for (let i = 0; i < places; i++) {
    const lat = data.lat[i] * radians;
    const lon = data.lon[i] * radians;
    const phi2 = lat * lat;
    const phi4 = phi2 * phi2;
    projected[i * 2] =
      tx +
      k * lon * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
    projected[i * 2 + 1] =
      ty - k * lat * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
    unit[i * 3] = Math.cos(lat) * Math.cos(lon);
    unit[i * 3 + 1] = Math.cos(lat) * Math.sin(lon);
    unit[i * 3 + 2] = Math.sin(lat);
  }
  const t1 = performance.now();
  const links = data.linkCount;
  // At most 17 points and one break per link: sized once, then cut to what was written.
  const points = new Float32Array(links * 36);
  arcStart = new Uint32Array(links + 1);
  let n = 0;
  for (let i = 0; i < links; i++) {
    arcStart[i] = n;
    const a = data.a[i];
    const b = data.b[i];
    const ax = unit[a * 3];
    const ay = unit[a * 3 + 1];
    const az = unit[a * 3 + 2];
    const bx = unit[b * 3];
    const by = unit[b * 3 + 1];
    const bz = unit[b * 3 + 2];
    const cx = ay * bz - az * by;
    const cy = az * bx - ax * bz;
    const cz = ax * by - ay * bx;
    const angle = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
    const steps = Math.max(2, Math.min(16, Math.ceil(angle * 6)));
    let lastX = projected[a * 2];
    points[n++] = lastX;
    points[n++] = projected[a * 2 + 1];
    const sin = Math.sin(angle);
    for (let s = 1; s <= steps; s++) {
      let x;
      let y;
      if (s === steps || sin < 1e-9) {
        x = projected[b * 2];
        y = projected[b * 2 + 1];
      } else {
        const t = s / steps;
        const fa = Math.sin((1 - t) * angle) / sin;
        const fb = Math.sin(t * angle) / sin;
        const px = fa * ax + fb * bx;
        const py = fa * ay + fb * by;
        const pz = fa * az + fb * bz;
        const lambda = Math.atan2(py, px);
        const phi = Math.asin(pz > 1 ? 1 : pz < -1 ? -1 : pz);
        const phi2 = phi * phi;
        const phi4 = phi2 * phi2;
        x =
          tx +
          k *
            lambda *
            (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
        y =
          ty -
          k * phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
      }
      if (Math.abs(x - lastX) > width / 2) {
        points[n++] = NaN;
        points[n++] = NaN;
      }
      points[n++] = x;
      points[n++] = y;
      lastX = x;
    }
  }
  arcStart[links] = n;
  arcPoints = points.subarray(0, n);
  const t2 = performance.now();
  const path = d3.geoPath(projection);
  state.landPath = new Path2D(path(state.land));
  state.spherePath = new Path2D(path({ type: 'Sphere' }));
  // Where the projecting time goes: places, arcs, basemap.
  canvas.dataset.projectParts = [t1 - t0, t2 - t1, performance.now() - t2].map(Math.round).join(',');
}

function draw() {
  const started = performance.now();
  const { data, view } = state;
  const { width, height } = canvas;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(view.k, 0, 0, view.k, view.x, view.y);
  ctx.fillStyle = '#f7fbff';
  ctx.fill(state.spherePath);
  ctx.fillStyle = '#d5dccd';
  ctx.strokeStyle = '#a7b0a0';
  ctx.lineWidth = 0.5 / view.k;
  ctx.fill(state.landPath);
  ctx.stroke(state.landPath);
  const partners = new Uint32Array(data.placeCount);
  const byColour = new Map();
  for (let i = 0; i < state.visible.length; i += 2) {
    partners[data.a[state.visible[i]]]++;
    partners[data.b[state.visible[i]]]++;
    const colour = COLOURS[data.statuses[state.visible[i + 1]]];
    if (!byColour.has(colour)) byColour.set(colour, []);
    byColour.get(colour).push(state.visible[i]);
  }
  ctx.globalAlpha = 0.45;
  ctx.lineWidth = 0.8 / view.k;
  for (const [colour, links] of byColour) {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (const index of links) {
      let pen = false;
      for (let j = arcStart[index]; j < arcStart[index + 1]; j += 2) {
        const x = arcPoints[j];
        if (Number.isNaN(x)) {
          pen = false;
          continue;
        }
        if (pen) ctx.lineTo(x, arcPoints[j + 1]);
        else ctx.moveTo(x, arcPoints[j + 1]);
        pen = true;
      }
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = '#12304f';
  ctx.beginPath();
  for (let p = 0; p < partners.length; p++) {
    if (partners[p] === 0) continue;
    const x = projected[p * 2];
    const y = projected[p * 2 + 1];
    const r = (1.2 + Math.sqrt(partners[p]) * 0.9) / view.k;
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.globalAlpha = 1;
  state.partners = partners;
  state.drawn = performance.now() - started;
}

function linkRow(index, s) {
  const { data } = state;
  const a = data.a[index];
  const b = data.b[index];
  const tr = document.createElement('tr');
  const cell = (content) => {
    const td = document.createElement('td');
    td.append(content);
    tr.append(td);
  };
  const anchor = (href, text) => {
    const el = document.createElement('a');
    el.href = href;
    el.textContent = text;
    return el;
  };
  cell(anchor(`/places/${encodeURIComponent(data.keys[a])}`, data.names[a]));
  cell(anchor(`/places/${encodeURIComponent(data.keys[b])}`, data.names[b]));
  cell(words(data.kinds[data.kind[index]]));
  cell(STATUS_WORDS[data.statuses[s]] ?? data.statuses[s]);
  cell(anchor(`/links/${data.id[index]}`, `History of ${data.names[a]} and ${data.names[b]}`));
  return tr;
}

let tableTimer;
function updateTable(f) {
  window.clearTimeout(tableTimer);
  tableTimer = window.setTimeout(() => {
    const rows = [];
    for (let i = 0; i < state.visible.length && rows.length < TABLE_ROWS; i += 2) {
      rows.push(linkRow(state.visible[i], state.visible[i + 1]));
    }
    $('map-table').tBodies[0].replaceChildren(...rows);
    const total = state.visible.length / 2;
    $('map-table-note').textContent =
      total > TABLE_ROWS
        ? `The first ${TABLE_ROWS} of ${total.toLocaleString('en-GB')} links; download them all below.`
        : `${total.toLocaleString('en-GB')} links.`;
    const query = new URLSearchParams({ asOf: String(f.year) });
    if (f.kind) query.set('kind', f.kind);
    if (f.country) query.set('country', f.country);
    if (f.source) query.set('source', f.source);
    const statuses = STATUS_CHOICES[f.status];
    if (statuses) query.set('status', statuses.join(','));
    for (const format of ['csv', 'geojson', 'graphml']) {
      query.set('format', format);
      $(`map-${format}`).href = `/v1/links?${query}`;
    }
  }, 150);
}

function writeUrl(f) {
  const query = new URLSearchParams();
  if (f.year !== Number(slider.max)) query.set('date', String(f.year));
  for (const name of ['kind', 'country', 'continent', 'source']) if (f[name]) query.set(name, f[name]);
  if (f.status !== 'in-force') query.set('status', f.status);
  const { k } = state.view;
  if (k !== 1) {
    const [lon, lat] = centre();
    query.set('x', lon.toFixed(2));
    query.set('y', lat.toFixed(2));
    query.set('z', k.toFixed(2));
  }
  const text = query.toString();
  window.history.replaceState(null, '', text ? `/map?${text}` : '/map');
}

/** The longitude and latitude at the middle of the canvas. */
function centre() {
  const { k, x, y } = state.view;
  return state.projection.invert([(canvas.width / 2 - x) / k, (canvas.height / 2 - y) / k]);
}

function centreOn(lon, lat, k) {
  const [px, py] = state.projection([lon, lat]);
  state.view = { k, x: canvas.width / 2 - px * k, y: canvas.height / 2 - py * k };
}

function update() {
  const f = filters();
  $('map-date-out').textContent = String(f.year);
  state.visible = select(state.data, f);
  draw();
  const total = state.visible.length / 2;
  status.textContent = `${total.toLocaleString('en-GB')} links in ${f.year}${
    f.year === Number(slider.max) ? ' (today)' : ''
  }, drawn in ${Math.round(state.drawn)} ms.`;
  canvas.dataset.links = String(total);
  canvas.dataset.drawMs = String(state.drawn);
  updateTable(f);
  writeUrl(f);
}

function canvasPoint(event) {
  const box = canvas.getBoundingClientRect();
  return [
    ((event.clientX - box.left) * canvas.width) / box.width,
    ((event.clientY - box.top) * canvas.height) / box.height,
  ];
}

/** The place under a canvas point, if any. */
function placeAt([cx, cy]) {
  const { k, x, y } = state.view;
  let best = -1;
  let bestDistance = Infinity;
  for (let p = 0; p < projected.length / 2; p++) {
    if (!state.partners || state.partners[p] === 0) continue;
    const dx = projected[p * 2] * k + x - cx;
    const dy = projected[p * 2 + 1] * k + y - cy;
    const d = dx * dx + dy * dy;
    const r = 4 + Math.sqrt(state.partners[p]) * 0.9;
    if (d < r * r && d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

/** The shown link whose arc passes within a few pixels of a canvas point, if any. */
function linkAt([cx, cy]) {
  const { k, x, y } = state.view;
  const near = 4;
  for (let i = 0; i < state.visible.length; i += 2) {
    const link = state.visible[i];
    for (let j = arcStart[link] + 2; j < arcStart[link + 1]; j += 2) {
      const x1 = arcPoints[j - 2] * k + x;
      const y1 = arcPoints[j - 1] * k + y;
      const x2 = arcPoints[j] * k + x;
      const y2 = arcPoints[j + 1] * k + y;
      if (Number.isNaN(x1) || Number.isNaN(x2)) continue;
      const len = (x2 - x1) ** 2 + (y2 - y1) ** 2 || 1;
      const t = Math.max(0, Math.min(1, ((cx - x1) * (x2 - x1) + (cy - y1) * (y2 - y1)) / len));
      if ((x1 + t * (x2 - x1) - cx) ** 2 + (y1 + t * (y2 - y1) - cy) ** 2 < near * near)
        return state.visible[i];
    }
  }
  return -1;
}

function wireInteraction() {
  let drag;
  let moved = false;
  canvas.addEventListener('pointerdown', (event) => {
    drag = { at: canvasPoint(event), view: { ...state.view } };
    moved = false;
  });
  window.addEventListener('pointerup', () => {
    if (drag && moved) writeUrl(filters());
    drag = undefined;
  });
  canvas.addEventListener('pointermove', (event) => {
    const point = canvasPoint(event);
    if (drag) {
      const dx = point[0] - drag.at[0];
      const dy = point[1] - drag.at[1];
      if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
      state.view = { k: drag.view.k, x: drag.view.x + dx, y: drag.view.y + dy };
      requestAnimationFrame(draw);
      return;
    }
    const p = placeAt(point);
    if (p < 0) {
      tip.hidden = true;
      canvas.style.cursor = '';
      return;
    }
    const { data } = state;
    tip.textContent = `${data.names[p]} (${data.countries[data.country[p]] || 'no country'}): ${state.partners[p]} partners`;
    const box = canvas.getBoundingClientRect();
    tip.style.left = `${event.clientX - box.left + 12}px`;
    tip.style.top = `${event.clientY - box.top + 12}px`;
    tip.hidden = false;
    canvas.style.cursor = 'pointer';
  });
  canvas.addEventListener('click', (event) => {
    if (moved) return;
    const point = canvasPoint(event);
    const p = placeAt(point);
    if (p >= 0) return window.location.assign(`/places/${encodeURIComponent(state.data.keys[p])}`);
    const l = linkAt(point);
    if (l >= 0) window.location.assign(`/links/${state.data.id[l]}`);
  });
  const zoom = (factor, [cx, cy] = [canvas.width / 2, canvas.height / 2]) => {
    const { k, x, y } = state.view;
    const next = Math.max(1, Math.min(64, k * factor));
    state.view = { k: next, x: cx - ((cx - x) * next) / k, y: cy - ((cy - y) * next) / k };
    if (next === 1) state.view = { k: 1, x: 0, y: 0 };
    draw();
    writeUrl(filters());
  };
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.25 : 0.8, canvasPoint(event));
    },
    { passive: false },
  );
  $('map-zoom-in').addEventListener('click', () => zoom(1.5));
  $('map-zoom-out').addEventListener('click', () => zoom(1 / 1.5));
  $('map-zoom-reset').addEventListener('click', () => zoom(0));
}

function fillOptions(id, values, label) {
  const selectEl = $(id);
  const chosen = selectEl.value;
  const options = values
    .filter((v) => v !== '')
    .sort((x, y) => label(x).localeCompare(label(y)))
    .map((v) => new Option(label(v), v, false, v === chosen));
  selectEl.replaceChildren(selectEl.options[0], ...options);
}

async function start() {
  const started = performance.now();
  status.textContent = 'Loading the map…';
  const [data, world] = await Promise.all([
    fetch('/map/data.bin')
      .then((r) => {
        if (!r.ok) throw new Error(`the map data answered HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then(decodeMapData),
    fetch('/assets/countries-110m.json').then((r) => r.json()),
  ]);
  canvas.dataset.fetchMs = String(performance.now() - started);
  state.data = data;
  state.land = topojson.feature(world, world.objects.land ?? world.objects.countries);
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const countryLabel = (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  fillOptions('map-country', data.countries, countryLabel);
  fillOptions('map-source', data.sources, (s) => s);
  const projecting = performance.now();
  projectAll(data);
  canvas.dataset.projectMs = String(performance.now() - projecting);
  const query = new URLSearchParams(window.location.search);
  const z = Number(query.get('z'));
  if (z > 1) centreOn(Number(query.get('x')) || 0, Number(query.get('y')) || 0, Math.min(64, z));
  update();
  canvas.dataset.readyMs = String(performance.now() - started);
  // From navigation start: what a reader waits, page and scripts included.
  canvas.dataset.drawnAt = String(performance.now());
  performance.mark('map-drawn');
  slider.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  wireInteraction();
  // Where a place is drawn, in page coordinates: for the browser tests and the benchmark to point at it.
  window.twinningMap = {
    pagePoint(key) {
      const p = state.data.keys.indexOf(key);
      if (p < 0) return null;
      const box = canvas.getBoundingClientRect();
      const { k, x, y } = state.view;
      return [
        box.left + ((projected[p * 2] * k + x) * box.width) / canvas.width,
        box.top + ((projected[p * 2 + 1] * k + y) * box.height) / canvas.height,
      ];
    },
  };
}

start().catch((error) => {
  status.textContent = `The map could not be drawn: ${error.message}`;
});
