/**
 * The first `n` items in the order `before` gives, kept by insertion rather than by sorting them all:
 * when a few are wanted out of many, most items fall behind the last one kept at once. Items that
 * rank alike keep their input order.
 */
export function firstInOrder<T>(items: Iterable<T>, n: number, before: (a: T, b: T) => boolean): T[] {
  const kept: T[] = [];
  if (n <= 0) return kept;
  for (const item of items) {
    if (kept.length === n && !before(item, kept[n - 1] as T)) continue;
    let at = kept.length;
    while (at > 0 && before(item, kept[at - 1] as T)) at--;
    kept.splice(at, 0, item);
    if (kept.length > n) kept.pop();
  }
  return kept;
}
