import { describe, expect, it } from 'vitest';
import { directedStreams, isDirectedOnly } from './directed.js';
import { JS_INTL_2026 } from './js-intl-2026.js';

describe('定向组织的方向（读自计划参数）', () => {
  it('2026 年通知：专题一方向1 和方向2（我省在境外建设）为定向组织，其余不是', () => {
    expect(directedStreams(JS_INTL_2026).map((s) => [s.topic, s.direction])).toEqual([
      [1, 'big-science'],
      [1, 'platform-outbound'],
    ]);
    expect(isDirectedOnly(JS_INTL_2026, 1, 'platform-inbound')).toBe(false);
    expect(isDirectedOnly(JS_INTL_2026, 2, null)).toBe(false);
    expect(isDirectedOnly(JS_INTL_2026, 1, null)).toBe(false);
  });
});
