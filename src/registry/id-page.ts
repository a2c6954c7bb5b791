/** A page of a list read in id order, and the id to continue after: null on the last page. */
export interface IdPage<T> {
  items: T[];
  nextAfterId: number | null;
}
