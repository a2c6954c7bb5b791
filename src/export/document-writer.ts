/**
 * A document written a page at a time, so that an export never holds more than one page: its opening, the
 * text of each page of items in order (a writer may remember what earlier pages wrote), and its closing.
 */
export interface DocumentWriter<T> {
  head: string;
  page(items: readonly T[]): string;
  tail: string;
}
