import { describe, expect, it } from 'vitest';
import type { Application, Platform } from '../bundle/schema.js';
import { parseBundle } from '../bundle/parse.js';
import { JS_INTL_2026 } from '../calls/js-intl-2026.js';
import { checkBundle } from '../check.js';
import {
  application,
  bundle,
  document,
  organization,
  person,
  requiredDocuments,
} from '../../../test/support/factories/bundle.js';
import { awaitingSeparateSlot, separateSlotOffered } from './separate-slot.js';

const LIMIT = 'limit.institution-belt-road';

/** University u1 (with Jiangsu enterprise e1 as domestic partner) with `n` 专题二 applications, each its own PI. */
function universityBundle(
  n: number,
  platforms: Platform[],
  make: (i: number) => Partial<Application> = () => ({}),
) {
  const input = bundle({
    organizations: [
      organization({ id: 'u1', kind: 'university', platforms }),
      organization({ id: 'e1', kind: 'enterprise' }),
    ],
    people: Array.from({ length: n }, (_, i) => person({ id: `p${i + 1}`, employer: 'u1' })),
    applications: Array.from({ length: n }, (_, i) =>
      application({
        id: `a${i + 1}`,
        pi: `p${i + 1}`,
        applicant: 'u1',
        topic: 2,
        domesticPartners: ['e1'],
        documents: [
          ...requiredDocuments('u1', `境外合作机构a${i + 1}`, 2),
          document({ kind: 'domestic-agreement', parties: ['u1', 'e1'] }),
        ],
        ...make(i + 1),
      }),
    ),
  });
  const parsed = parseBundle(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.bundle;
}

function judged(n: number, platforms: Platform[], make?: (i: number) => Partial<Application>) {
  const b = universityBundle(n, platforms, make);
  const findings = checkBundle(b, JS_INTL_2026).applications.find((a) => a.id === `a${n}`)!.findings;
  return awaitingSeparateSlot(b, `a${n}`, findings, JS_INTL_2026).filter((f) => f.rule === LIMIT);
}

describe('“一带一路”联合实验室的第 4 项专题二申报（二、3 单独推荐名额 1 项）', () => {
  it('联合实验室的第 4 项：超限错误降为提示，可以提交，提示须由主管部门使用单独推荐名额', () => {
    const [finding] = judged(4, ['belt-road-joint-lab']);
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding!.message).toContain('单独推荐名额');
  });

  it('没有联合实验室的高校：第 4 项仍是错误', () => {
    expect(judged(4, [])).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('联合实验室的第 5 项：单独推荐名额只有 1 项，仍是错误', () => {
    expect(judged(5, ['belt-road-joint-lab'])).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('有在研省国际合作项目的联合实验室不享有单独推荐名额：仍是错误', () => {
    const b = universityBundle(4, ['belt-road-joint-lab']);
    const withOngoing = {
      ...b,
      organizations: b.organizations.map((o) =>
        o.id === 'u1' ? { ...o, ongoingProjects: [{ program: 'intl-coop' as const }] } : o,
      ),
    };
    const findings = checkBundle(withOngoing, JS_INTL_2026).applications.find((a) => a.id === 'a4')!.findings;
    const limit = awaitingSeparateSlot(withOngoing, 'a4', findings, JS_INTL_2026).filter(
      (f) => f.rule === LIMIT,
    );
    expect(limit).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('已有主管部门推荐决定的申报书照规则原样判断', () => {
    const decided = { status: 'recommended' as const, separateSlot: false, at: '2026-05-19T10:00:00+08:00' };
    expect(judged(4, ['belt-road-joint-lab'], (i) => (i === 4 ? { recommendation: decided } : {}))).toEqual([
      expect.objectContaining({ severity: 'error' }),
    ]);
  });
});

describe('向主管部门提供“使用单独推荐名额”的条件', () => {
  const offered = (platforms: Platform[], topic: Application['topic'], ongoing = false) => {
    const b = universityBundle(1, platforms, () => ({ topic }));
    const withOngoing = ongoing
      ? {
          ...b,
          organizations: b.organizations.map((o) =>
            o.id === 'u1' ? { ...o, ongoingProjects: [{ program: 'intl-coop' as const }] } : o,
          ),
        }
      : b;
    return separateSlotOffered(withOngoing, 'a1', JS_INTL_2026);
  };

  it('具备相应平台：联合实验室申报专题二、省重点实验室申报专题四，提供', () => {
    expect(offered(['belt-road-joint-lab'], 2)).toBe(true);
    expect(offered(['provincial-key-lab'], 4)).toBe(true);
  });

  it('没有相应平台的申报单位：不提供', () => {
    expect(offered([], 2)).toBe(false);
    expect(offered([], 4)).toBe(false);
  });

  it('平台与专题不对应：不提供', () => {
    expect(offered(['belt-road-joint-lab'], 4)).toBe(false);
  });

  it('有在研省国际合作项目：不提供', () => {
    expect(offered(['belt-road-joint-lab'], 2, true)).toBe(false);
  });

  it('专题一、三没有单独推荐名额：不提供', () => {
    expect(offered(['belt-road-joint-lab'], 3)).toBe(false);
  });
});
