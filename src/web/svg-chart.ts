import { count } from './format.js';
import { html, type SafeHtml } from './html.js';

/** One year of a growth chart: links formed and links ended that year. */
export interface YearCounts {
  year: number;
  formed: number;
  ended: number;
}

const WIDTH = 760;
const HEIGHT = 240;
const PAD = { left: 44, right: 8, top: 10, bottom: 26 };

/**
 * A bar chart of links formed (upwards, blue) and ended (downwards, red) per year, as inline SVG drawn on the
 * server: it shows without scripts. The page gives the same figures as a table; the chart's label says so.
 */
export function growthChart(series: readonly YearCounts[], label: string): SafeHtml {
  if (series.length === 0) return html``;
  const first = series[0]!.year;
  const last = series.at(-1)!.year;
  const years = last - first + 1;
  const up = Math.max(1, ...series.map((s) => s.formed));
  const down = Math.max(0, ...series.map((s) => s.ended));
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const zeroY = PAD.top + (plotH * up) / (up + down);
  const unit = plotH / (up + down);
  const step = (WIDTH - PAD.left - PAD.right) / years;
  const barW = Math.max(1, step * 0.8);
  const x = (year: number) => PAD.left + (year - first) * step;
  const r = (n: number) => Math.round(n * 10) / 10;
  const ticks = decadeTicks(first, last);
  return html`<svg
    class="chart"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    width="${WIDTH}"
    height="${HEIGHT}"
    role="img"
    aria-label="${label}"
  >
    <line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${r(zeroY)}" y2="${r(zeroY)}" class="axis" />
    <text x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end" class="tick">${count(up)}</text>
    ${down > 0 ? html`<text x="${PAD.left - 6}" y="${HEIGHT - PAD.bottom}" text-anchor="end" class="tick">−${count(down)}</text>` : ''}
    ${series.map(
      (s) =>
        html`${s.formed > 0 ? html`<rect class="formed" x="${r(x(s.year))}" y="${r(zeroY - s.formed * unit)}" width="${r(barW)}" height="${r(s.formed * unit)}"><title>${s.year}: ${count(s.formed)} formed</title></rect>` : ''}${
          s.ended > 0
            ? html`<rect
                class="ended"
                x="${r(x(s.year))}"
                y="${r(zeroY)}"
                width="${r(barW)}"
                height="${r(s.ended * unit)}"
                ><title>${s.year}: ${count(s.ended)} ended</title></rect
              >`
            : ''
        }`,
    )}
    ${ticks.map(
      (year) =>
        html`<text x="${r(x(year) + barW / 2)}" y="${HEIGHT - 8}" text-anchor="middle" class="tick"
          >${year}</text
        >`,
    )}
  </svg>`;
}

/** Round years to label the axis with: about eight, on decades or centuries. */
function decadeTicks(first: number, last: number): number[] {
  const span = last - first;
  const every = [1, 2, 5, 10, 20, 25, 50, 100, 200].find((n) => span / n <= 8) ?? 500;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / every) * every; year <= last; year += every) ticks.push(year);
  return ticks;
}

/** Years from the first to the last with any count, each present (zeros filled in), from sparse counts. */
export function fillYears(counts: ReadonlyMap<number, { formed: number; ended: number }>): YearCounts[] {
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const out: YearCounts[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const c = counts.get(year);
    out.push({ year, formed: c?.formed ?? 0, ended: c?.ended ?? 0 });
  }
  return out;
}
