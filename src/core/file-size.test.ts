import { describe, expect, it } from 'vitest';
import { formatMb, MB } from './file-size.js';

describe('文件大小', () => {
  it.each([
    [20 * MB, '20 MB'],
    [20.5 * MB, '20.5 MB'],
    [1.96 * MB, '2 MB'],
    [0.1 * MB, '0.1 MB'],
    [50_000, '49 KB'],
    [500, '1 KB'],
  ])('%d 字节写作 %s', (bytes, shown) => {
    expect(formatMb(bytes)).toBe(shown);
  });
});
