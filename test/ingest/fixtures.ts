import { fileURLToPath } from 'node:url';

/** The path of a fixture file in test/fixtures/ingest/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
}

/** Every item of an async iterable, in order. */
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The error an async step throws, described as `file:line:column: message`. */
export async function failure(
  step: () => Promise<unknown>,
): Promise<{ code: string; where: string; message: string }> {
  try {
    await step();
  } catch (error) {
    const e = error as {
      code: string;
      message: string;
      location: { file?: string; line?: number; column?: number };
    };
    const base = e.location.file?.split('/').pop();
    return { code: e.code, where: `${base}:${e.location.line}:${e.location.column}`, message: e.message };
  }
  throw new Error('expected the step to fail');
}
