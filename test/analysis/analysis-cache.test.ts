import { describe, expect, it } from 'vitest';
import { AnalysisCache, fingerprintInput } from '../../src/analysis/analysis-cache.js';
import { inputFrom } from './graph-factories.js';

describe('analysis cache', () => {
  it('computes once per data version and again when the data changes', () => {
    const cache = new AnalysisCache();
    let runs = 0;
    const compute = (): number => ++runs;
    const v1 = fingerprintInput(inputFrom('a-b b-c'));
    expect(cache.get(v1, 'summary', compute)).toBe(1);
    expect(cache.get(v1, 'summary', compute)).toBe(1);
    const v2 = fingerprintInput(inputFrom('a-b b-d'));
    expect(v2).not.toBe(v1);
    expect(cache.get(v2, 'summary', compute)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('gives the same fingerprint to the same content and a different one to any changed field', () => {
    const base = inputFrom('a-b');
    expect(fingerprintInput(inputFrom('a-b'))).toBe(fingerprintInput(base));
    expect(fingerprintInput({ ...base, edges: [{ a: 'a', b: 'b', formed: 1990 }] })).not.toBe(
      fingerprintInput(base),
    );
    expect(fingerprintInput({ ...base, nodes: [{ key: 'a', country: 'FR' }] })).not.toBe(
      fingerprintInput(base),
    );
  });
});
