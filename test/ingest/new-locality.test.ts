import { describe, expect, it } from 'vitest';
import { newLocality } from '../../src/ingest/import/new-locality.js';
import { preparePlace } from '../../src/ingest/reconcile/prepare-query.js';

describe('a new locality for a source place', () => {
  it('takes a parent match reused from another source, which carries no candidate', () => {
    const place = preparePlace({ name: 'Mitino (Moscow)', country: 'Russia' });
    const planned = newLocality(place, { method: 'parent', confidence: 0.5, doubtful: true });
    expect(planned.notes).toBe('not in the gazetteer; lies in a place the gazetteer knows');
    expect(planned.unverified).toBe(true);
  });
});
