// A place's partners on a small map: great-circle lines from the place to each partner on Canvas 2D, over the
// offline Natural Earth basemap, coloured by status. The page's table lists the same places.
/* global document, fetch, devicePixelRatio, performance, d3, topojson */

const COLOURS = {
  active: '#0b5cad',
  unknown: '#5b6470',
  paused: '#b35c00',
  suspended: '#b35c00',
  ended: '#a11d1d',
  broken_unilaterally: '#a11d1d',
  not_formed: '#5b6470',
};

const canvas = document.getElementById('partner-map-canvas');
const message = document.getElementById('partner-map-message');
const data = JSON.parse(document.getElementById('partner-map-data').textContent);

/** The projection: the world, or the region the place and its partners span when they lie close together. */
function projectionFor(width, height) {
  const points = [data.home, ...data.partners].map((p) => [p.lon, p.lat]);
  const spread = Math.max(...points.map((p) => d3.geoDistance(p, [data.home.lon, data.home.lat])));
  const projection = d3.geoNaturalEarth1();
  const frame = [
    [6, 6],
    [width - 6, height - 6],
  ];
  if (spread > 1.2 || points.length < 2) return projection.fitExtent(frame, { type: 'Sphere' });
  // A regional view: the points with a margin of a few degrees.
  return projection.fitExtent(frame, {
    type: 'MultiPoint',
    coordinates: points.flatMap(([lon, lat]) => [
      [lon - 4, lat - 3],
      [lon + 4, lat + 3],
    ]),
  });
}

function draw(world) {
  const scale = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;
  const width = canvas.width;
  const height = canvas.height;
  canvas.width = width * scale;
  canvas.height = height * scale;
  canvas.style.width = '100%';
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  const projection = projectionFor(width, height);
  const path = d3.geoPath(projection, ctx);
  ctx.fillStyle = '#eef3f8';
  ctx.beginPath();
  path({ type: 'Sphere' });
  ctx.fill();
  ctx.fillStyle = '#d6dde5';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 0.5;
  ctx.beginPath();
  path(topojson.feature(world, world.objects.countries));
  ctx.fill();
  ctx.stroke();
  const home = [data.home.lon, data.home.lat];
  // One path per status: the lines of a colour are stroked at once.
  const byStatus = new Map();
  for (const p of data.partners) {
    const list = byStatus.get(p.status) ?? [];
    list.push([home, [p.lon, p.lat]]);
    byStatus.set(p.status, list);
  }
  ctx.lineWidth = 1.2;
  ctx.globalAlpha = 0.75;
  for (const [status, lines] of byStatus) {
    ctx.strokeStyle = COLOURS[status] ?? '#5b6470';
    ctx.beginPath();
    path({ type: 'MultiLineString', coordinates: lines });
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  for (const p of data.partners) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    ctx.fillStyle = COLOURS[p.status] ?? '#5b6470';
    ctx.beginPath();
    ctx.arc(xy[0], xy[1], 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  const at = projection(home);
  ctx.fillStyle = '#111111';
  ctx.beginPath();
  ctx.arc(at[0], at[1], 4.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.font = 'bold 13px system-ui, sans-serif';
  ctx.fillText(data.home.name, at[0] + 7, at[1] - 6);
  canvas.dataset.drawn = String(data.partners.length);
  canvas.dataset.readyMs = String(Math.round(performance.now()));
  message.textContent = `${data.partners.length} partners drawn; blue in force, grey undated in sources, orange paused, red ended.`;
}

fetch('/assets/countries-110m.json')
  .then((r) => r.json())
  .then(draw)
  .catch((error) => {
    message.textContent = `The map could not be drawn (${error.message}); the table lists the same places.`;
  });
