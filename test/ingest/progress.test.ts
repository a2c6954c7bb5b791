import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ingest/progress.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('progress lines', () => {
  it('end at the count reached, not at an estimated total the count passed', () => {
    const out = capture();
    const progress = createProgress('gazetteer', out.stream, 230_000);
    progress.done(230_497);
    expect(out.text()).toMatch(/^gazetteer: 230,497 after [\d.]+ s, done\n$/);
  });

  it('show the share of an exact total', () => {
    const out = capture();
    createProgress('rows', out.stream, 200).done(200);
    expect(out.text()).toMatch(/^rows: 200\/200 \(100%\) after [\d.]+ s, done\n$/);
  });
});
