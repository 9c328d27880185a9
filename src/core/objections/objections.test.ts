import { describe, expect, it } from 'vitest';
import {
  chineseOrdinal,
  objectionPeriodRefusal,
  objectionReference,
  objectionStepRefusal,
  opinionLabel,
} from './objections.js';

describe('公示异议', () => {
  it('编号按计划年度和顺序号，四位补零', () => {
    expect(objectionReference(2026, 1)).toBe('YY2026-0001');
    expect(objectionReference(2026, 123)).toBe('YY2026-0123');
  });

  it('只在公示期内（含首尾两日）受理，期外说明公示期', () => {
    const period = { startsOn: '2026-11-02', endsOn: '2026-11-06' };
    const f = (d: string) => d;
    expect(objectionPeriodRefusal('2026-11-02', period, f)).toBeNull();
    expect(objectionPeriodRefusal('2026-11-06', period, f)).toBeNull();
    expect(objectionPeriodRefusal('2026-11-01', period, f)).toContain('2026-11-02至2026-11-06');
    expect(objectionPeriodRefusal('2026-11-07', period, f)).toContain('已过异议截止日期');
  });

  it('受理、调查、办结只能按顺序进行', () => {
    expect(objectionStepRefusal('received', 'register')).toBeNull();
    expect(objectionStepRefusal('received', 'close')).toContain('须先受理');
    expect(objectionStepRefusal('registered', 'register')).toContain('无需再次受理');
    expect(objectionStepRefusal('registered', 'close')).toBeNull();
    expect(objectionStepRefusal('investigating', 'investigate')).toBeNull();
    expect(objectionStepRefusal('closed', 'investigate')).toContain('已办结');
  });

  it('专家意见以中文序号标注', () => {
    expect(chineseOrdinal(1)).toBe('一');
    expect(chineseOrdinal(10)).toBe('十');
    expect(chineseOrdinal(12)).toBe('十二');
    expect(chineseOrdinal(21)).toBe('二十一');
    expect(opinionLabel(2)).toBe('专家意见二');
  });
});
