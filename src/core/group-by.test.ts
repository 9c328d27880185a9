import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('组内保持原有顺序，各组按首次出现的先后', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
    ]);
  });

  it('没有键的项不分入任何组', () => {
    expect([...groupBy([1, 2, 3, 4], (n) => (n % 2 === 0 ? 'even' : undefined))]).toEqual([['even', [2, 4]]]);
  });
});
