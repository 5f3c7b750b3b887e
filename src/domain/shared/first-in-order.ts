/**
 * The first `n` items in the order `before` gives, kept by insertion rather than by sorting them all:
 * when a few are wanted out of many, most items fall behind the last one kept at once. Items that
 * rank alike keep their input order.
 */
export function firstInOrder<T>(items: readonly T[], n: number, before: (a: T, b: T) => boolean): T[] {
  const kept: T[] = [];
  if (n <= 0) return kept;
  for (let i = 0; i < items.length; i++) insert(kept, items[i] as T, n, before);
  return kept;
}

/** firstInOrder over the indexes 0 to `count - 1`, without a list of them to read from. */
export function firstIndexes(count: number, n: number, before: (i: number, j: number) => boolean): number[] {
  const kept: number[] = [];
  if (n <= 0) return kept;
  for (let i = 0; i < count; i++) insert(kept, i, n, before);
  return kept;
}

/**
 * Puts an item in its place among the `n` at most kept so far. Those it passes move up one by one:
 * a splice would allocate the array of the items it removes, at every insertion.
 */
function insert<T>(kept: T[], item: T, n: number, before: (a: T, b: T) => boolean): void {
  let at = kept.length;
  if (at === n) {
    if (!before(item, kept[n - 1] as T)) return;
    at = n - 1;
  } else {
    kept.push(item);
  }
  while (at > 0 && before(item, kept[at - 1] as T)) {
    kept[at] = kept[at - 1] as T;
    at--;
  }
  kept[at] = item;
}
