import { describe, expect, it } from 'vitest';
import { firstIndexes, firstInOrder } from '../../../../src/domain/shared/first-in-order.js';

const larger = (a: number, b: number) => a > b;

describe('firstInOrder', () => {
  it('keeps the first n in order, as sorting the whole list would', () => {
    const items = [5, 1, 9, 3, 7, 9, 2, 8];
    expect(firstInOrder(items, 3, larger)).toEqual([9, 9, 8]);
    expect(firstInOrder(items, 20, larger)).toEqual([...items].sort((a, b) => b - a));
  });

  it('keeps the input order of items that rank alike', () => {
    const items = [
      { id: 'a', rank: 1 },
      { id: 'b', rank: 2 },
      { id: 'c', rank: 1 },
      { id: 'd', rank: 2 },
    ];
    expect(firstInOrder(items, 3, (x, y) => x.rank > y.rank).map((x) => x.id)).toEqual(['b', 'd', 'a']);
  });

  it('keeps nothing when none are wanted', () => {
    expect(firstInOrder([3, 2, 1], 0, larger)).toEqual([]);
  });
});

describe('firstIndexes', () => {
  it('orders indexes as firstInOrder orders the items they stand for', () => {
    const items = [5, 1, 9, 3, 7, 9, 2, 8];
    expect(firstIndexes(items.length, 3, (i, j) => larger(items[i] as number, items[j] as number))).toEqual([2, 5, 7]);
  });
});
