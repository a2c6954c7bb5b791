import { describe, expect, it } from 'vitest';
import { hurwitzZeta } from '../../src/analysis/hurwitz-zeta.js';
import { fitDiscretePowerLaw, ksDistance, powerLawMle } from '../../src/analysis/power-law.js';
import { seededRng } from '../../src/analysis/random.js';

/** Draws from a discrete power law with exponent alpha above xmin by inverting its distribution function. */
function samplePowerLaw(count: number, alpha: number, xmin: number, seed: number): number[] {
  const rng = seededRng(seed);
  const norm = hurwitzZeta(alpha, xmin).zeta;
  return Array.from({ length: count }, () => {
    const u = rng();
    let k = xmin;
    let cumulative = Math.pow(k, -alpha) / norm;
    while (cumulative < u && k < 1e6) cumulative += Math.pow(++k, -alpha) / norm;
    return k;
  });
}

describe('Hurwitz zeta', () => {
  it('matches known values of the Riemann zeta function and its shift', () => {
    expect(hurwitzZeta(2, 1).zeta).toBeCloseTo(Math.PI ** 2 / 6, 14);
    expect(hurwitzZeta(4, 1).zeta).toBeCloseTo(Math.PI ** 4 / 90, 14);
    expect(hurwitzZeta(3, 1).zeta).toBeCloseTo(1.2020569031595942, 14);
    expect(hurwitzZeta(2, 3).zeta).toBeCloseTo(Math.PI ** 2 / 6 - 1 - 1 / 4, 14);
  });

  it('gives Σ ln(k) k^−α as minus the derivative in α', () => {
    for (const [alpha, q] of [
      [2.5, 1],
      [1.5, 3],
      [3.7, 10],
    ] as const) {
      const h = 1e-5;
      const numeric = -(hurwitzZeta(alpha + h, q).zeta - hurwitzZeta(alpha - h, q).zeta) / (2 * h);
      expect(hurwitzZeta(alpha, q).logZeta).toBeCloseTo(numeric, 7);
    }
  });
});

describe('discrete power-law fit', () => {
  it('recovers the exponent and cut-off of a synthetic sample', () => {
    const body = Array.from({ length: 400 }, (_, i) => 1 + (i % 4));
    const fit = fitDiscretePowerLaw([...body, ...samplePowerLaw(3000, 2.5, 5, 42)]);
    expect(fit.xmin).toBe(5);
    expect(fit.alpha).toBeGreaterThan(2.4);
    expect(fit.alpha).toBeLessThan(2.6);
    expect(fit.tail).toBe(3000);
  });

  it('puts the likelihood maximum where the expected log equals the sample mean log', () => {
    const tail = [1, 1, 1, 2, 2, 3, 5, 8];
    const alpha = powerLawMle(tail, 1);
    const { zeta, logZeta } = hurwitzZeta(alpha, 1);
    expect(logZeta / zeta).toBeCloseTo(tail.reduce((s, x) => s + Math.log(x), 0) / tail.length, 12);
    expect(ksDistance(tail, 1, alpha)).toBeLessThan(0.2);
  });

  it('cannot fit fewer than two distinct values', () => {
    expect(fitDiscretePowerLaw([3, 3, 3]).alpha).toBeNaN();
  });
});
