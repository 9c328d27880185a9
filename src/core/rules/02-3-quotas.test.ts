import { describe, it } from 'vitest';
import type { Application, Department, Organization, TopicNumber } from '../bundle/schema.js';
import {
  application,
  bundle,
  department,
  organization,
  person,
} from '../../../test/support/factories/bundle.js';
import { expectOutcome, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 二、3 推荐名额 ("Recommendation quotas (二、3)" in READING.md): 专题四、五合并推荐数 per department.

const AT = '2026-05-19T10:00:00+08:00';

interface Rec {
  dept: string;
  topic?: TopicNumber;
  app?: Partial<Application>;
  org?: Partial<Organization>;
  status?: 'recommended' | 'not-recommended';
  slot?: boolean;
}

/** One application per enterprise (o1…on, PI p1…pn, each entitled to a separate slot), recommended as given. */
function recommendations(departments: Department[], recs: Rec[]) {
  return bundle({
    departments,
    organizations: recs.map(({ org }, i) =>
      organization({ id: `o${i + 1}`, platforms: ['leading-enterprise'], ...org }),
    ),
    people: recs.map((_, i) => person({ id: `p${i + 1}`, employer: `o${i + 1}` })),
    applications: recs.map(({ dept, topic = 4, app = {}, status = 'recommended', slot = false }, i) =>
      application({
        id: `a${i + 1}`,
        applicant: `o${i + 1}`,
        pi: `p${i + 1}`,
        topic,
        department: dept,
        recommendation: { status, separateSlot: slot, at: AT },
        ...app,
      }),
    ),
  });
}
const times = (n: number, rec: Rec): Rec[] => Array.from({ length: n }, () => rec);
const eligibleApps = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i + 1}`, { eligible: true }]));
const within = { withinQuota: true };
const over = (count: number, quota: number, extra: string[] = []) => ({
  withinQuota: false,
  errors: ['quota.department'],
  mentions: { 'quota.department': [`${count} 项`, `限额 ${quota} 项`, ...extra] },
  cites: { 'quota.department': '二、3' },
});

const city = department({ id: 'd1', kind: 'city' });
const otherCity = department({ id: 'd2', kind: 'city' });
const county = department({ id: 'c1', kind: 'county', city: 'd1' });
const county2 = department({ id: 'c2', kind: 'county', city: 'd1' });
const otherCounty = department({ id: 'c3', kind: 'county', city: 'd2' });
const nationalZone = department({ id: 'z1', kind: 'national-hitech-zone' });
const provincialZone = department({ id: 'z2', kind: 'provincial-hitech-zone' });
const university = department({ id: 'u', kind: 'university' });
const agency = department({ id: 'g', kind: 'provincial-agency' });

const cases: RuleCase[] = [
  {
    name: '设区市推荐 6 项：未超限额',
    bundle: recommendations([city], times(6, { dept: 'd1' })),
    others: eligibleApps(6),
    departments: { d1: within },
  },
  {
    name: '设区市推荐 7 项：超过限额 6 项，超限的是主管部门，申报本身仍可申报',
    bundle: recommendations([city], times(7, { dept: 'd1' })),
    others: eligibleApps(7),
    departments: { d1: over(7, 6) },
  },
  {
    name: '县（市）的推荐计入所属设区市：市 4 项 + 县 3 项超限，报在市上，县不超限',
    bundle: recommendations([city, county], [...times(4, { dept: 'd1' }), ...times(3, { dept: 'c1' })]),
    others: eligibleApps(7),
    departments: { d1: over(7, 6, ['含所辖县（市）3 项']), c1: within },
  },
  {
    name: '县（市）单独推荐 7 项：报在所属设区市上，县不超限',
    bundle: recommendations([city, county], times(7, { dept: 'c1' })),
    departments: { d1: over(7, 6), c1: within },
  },
  {
    name: '两个县各推荐 3 项：所属设区市合计 6 项，未超限额',
    bundle: recommendations(
      [city, county, county2],
      [...times(3, { dept: 'c1' }), ...times(3, { dept: 'c2' })],
    ),
    departments: { d1: within, c1: within, c2: within },
  },
  {
    name: '其他设区市所辖县的推荐不计入本市',
    bundle: recommendations(
      [city, otherCity, otherCounty],
      [...times(6, { dept: 'd1' }), ...times(6, { dept: 'c3' })],
    ),
    departments: { d1: within, d2: within, c3: within },
  },
  {
    name: '国家高新区推荐 3 项：未超限额',
    bundle: recommendations([nationalZone], times(3, { dept: 'z1' })),
    departments: { z1: within },
  },
  {
    name: '国家高新区推荐 4 项：超过限额 3 项',
    bundle: recommendations([nationalZone], times(4, { dept: 'z1' })),
    others: eligibleApps(4),
    departments: { z1: over(4, 3) },
  },
  {
    name: '省级高新区推荐 1 项：未超限额',
    bundle: recommendations([provincialZone], times(1, { dept: 'z2' })),
    departments: { z2: within },
  },
  {
    name: '省级高新区推荐 2 项：超过限额 1 项',
    bundle: recommendations([provincialZone], times(2, { dept: 'z2' })),
    departments: { z2: over(2, 1) },
  },
  {
    name: '部省属本科高校推荐 3 项：未超限额',
    bundle: recommendations([university], times(3, { dept: 'u' })),
    departments: { u: within },
  },
  {
    name: '部省属本科高校推荐 4 项：超过限额 3 项',
    bundle: recommendations([university], times(4, { dept: 'u' })),
    departments: { u: over(4, 3) },
  },
  {
    name: '省有关部门和单位没有数量限额：推荐 10 项',
    bundle: recommendations([agency], times(10, { dept: 'g' })),
    departments: { g: within },
  },
  {
    name: '高新区的推荐不计入设区市：市 6 项 + 国家高新区 3 项，均未超限额',
    bundle: recommendations([city, nationalZone], [...times(6, { dept: 'd1' }), ...times(3, { dept: 'z1' })]),
    departments: { d1: within, z1: within },
  },
  {
    name: '专题四、五合并计算：专题四 4 项 + 专题五 3 项超过 6 项',
    bundle: recommendations([city], [...times(4, { dept: 'd1' }), ...times(3, { dept: 'd1', topic: 5 })]),
    others: eligibleApps(7),
    departments: { d1: over(7, 6) },
  },
  {
    name: '专题二的推荐不计入专题四、五限额',
    bundle: recommendations([city], [...times(6, { dept: 'd1' }), ...times(2, { dept: 'd1', topic: 2 })]),
    others: eligibleApps(8),
    departments: { d1: within },
  },
  {
    name: '单独推荐名额不占用限额：6 项 + 1 项单独推荐名额，未超限额',
    bundle: recommendations([city], [...times(6, { dept: 'd1' }), { dept: 'd1', slot: true }]),
    others: eligibleApps(7),
    departments: { d1: within },
  },
  {
    name: '不成立的单独推荐名额同样不计入限额（申报本身报错）',
    bundle: recommendations(
      [city],
      [...times(6, { dept: 'd1' }), { dept: 'd1', slot: true, org: { platforms: [] } }],
    ),
    app: 'a7',
    eligible: false,
    errors: ['slot.not-entitled'],
    departments: { d1: within },
  },
  {
    name: '不推荐的不计入：6 项推荐 + 3 项不推荐，未超限额',
    bundle: recommendations(
      [city],
      [...times(6, { dept: 'd1' }), ...times(3, { dept: 'd1', status: 'not-recommended' })],
    ),
    departments: { d1: within },
  },
  {
    name: '逾期推荐同样计入限额：7 项中 1 项逾期，仍超限额',
    bundle: recommendations(
      [city],
      [
        ...times(6, { dept: 'd1' }),
        {
          dept: 'd1',
          app: {
            recommendation: { status: 'recommended', separateSlot: false, at: '2026-05-21T09:00:00+08:00' },
          },
        },
      ],
    ),
    app: 'a7',
    eligible: false,
    errors: ['deadline.recommendation-late'],
    departments: { d1: over(7, 6) },
  },
  {
    name: '不合格的申报同样计入限额：7 项中 1 项涉密，仍超限额',
    bundle: recommendations([city], [...times(6, { dept: 'd1' }), { dept: 'd1', app: { classified: true } }]),
    app: 'a7',
    eligible: false,
    errors: ['secrecy.classified'],
    departments: { d1: over(7, 6) },
  },
  {
    name: '草稿同样计入限额：7 项中 1 项未提交，仍超限额',
    bundle: recommendations(
      [city],
      [...times(6, { dept: 'd1' }), { dept: 'd1', app: { submittedAt: undefined } }],
    ),
    departments: { d1: over(7, 6) },
  },
  {
    name: '定向组织项目同样计入限额：7 项中 1 项定向组织，仍超限额',
    bundle: recommendations([city], [...times(6, { dept: 'd1' }), { dept: 'd1', app: { directed: true } }]),
    departments: { d1: over(7, 6) },
  },
];

describe('二、3．专题四、五推荐名额', () => {
  it.each(cases)('$name', (c) => expectOutcome(c));
});
