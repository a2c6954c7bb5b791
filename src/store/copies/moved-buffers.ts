/**
 * The buffers of every typed array in a copy's data (in nested objects and arrays), each once: the transfer list
 * that moves them to another thread rather than copying them.
 */
export function movedBuffers(data: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const walk = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    } else if (value !== null && typeof value === 'object') {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk(data);
  return [...buffers];
}
