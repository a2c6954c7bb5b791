import { describe, expect, it } from 'vitest';
import { NO_SEAT, seatLevel } from '../../../src/core/suggest/seat-level.js';

describe('seat levels', () => {
  it('ranks a capital above the seats of first- to fifth-level divisions', () => {
    expect(seatLevel('PPLC')).toBe(0);
    expect(seatLevel('PPLA')).toBe(1);
    expect(seatLevel('PPLA2')).toBe(2);
    expect(seatLevel('PPLA5')).toBe(5);
  });
  it('takes any other code as no seat, and no code as unknown', () => {
    expect(seatLevel('PPL')).toBe(NO_SEAT);
    expect(seatLevel('PPLX')).toBe(NO_SEAT);
    expect(seatLevel(null)).toBeUndefined();
    expect(seatLevel('')).toBeUndefined();
  });
});
