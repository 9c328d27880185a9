import { describe, it } from 'vitest';
import type { Recommendation } from '../bundle/schema.js';
import { expectOutcome, single, type RuleCase } from '../../../test/support/factories/rule-cases.js';

// 三、3 deadlines, Beijing time; instants with any offset are compared as instants ("Time" in READING.md).

const submitted = (submittedAt: string) => single({ submittedAt });
const recommended = (status: Recommendation['status'], at: string) =>
  single({ recommendation: { status, separateSlot: false, at } });

const submissionCases: RuleCase[] = [
  {
    name: '北京时间 2026-05-18 17:30:00 整提交：逾期',
    bundle: submitted('2026-05-18T17:30:00+08:00'),
    eligible: false,
    errors: ['deadline.submission-late'],
    mentions: { 'deadline.submission-late': ['2026-05-18 17:30:00'] },
    cites: { 'deadline.submission-late': '三、3' },
  },
  {
    name: '09:29:59Z（北京时间 17:29:59）提交：按时',
    bundle: submitted('2026-05-18T09:29:59Z'),
    eligible: true,
  },
  {
    name: '17:29:59.999（北京时间）提交：按时',
    bundle: submitted('2026-05-18T17:29:59.999+08:00'),
    eligible: true,
  },
  {
    name: '09:30:00Z 即北京时间 17:30 提交：逾期',
    bundle: submitted('2026-05-18T09:30:00Z'),
    eligible: false,
    errors: ['deadline.submission-late'],
  },
  {
    name: '带其他时区的时刻按同一时刻比较：05:30:00-04:00 即北京时间 17:30，逾期',
    bundle: submitted('2026-05-18T05:30:00-04:00'),
    eligible: false,
    errors: ['deadline.submission-late'],
    mentions: { 'deadline.submission-late': ['2026-05-18 17:30:00（北京时间）'] },
  },
  {
    name: '17:29+08:00 提交（不写秒）：按时',
    bundle: submitted('2026-05-18T17:29+08:00'),
    eligible: true,
  },
  {
    name: '5 月 19 日提交：逾期',
    bundle: submitted('2026-05-19T08:00:00+08:00'),
    eligible: false,
    errors: ['deadline.submission-late'],
  },
  { name: '草稿（未提交）没有截止时间的问题', bundle: single({ submittedAt: undefined }), eligible: true },
];

const recommendationCases: RuleCase[] = [
  {
    name: '北京时间 2026-05-20 17:30:00 整推荐：逾期推荐',
    bundle: recommended('recommended', '2026-05-20T17:30:00+08:00'),
    eligible: false,
    errors: ['deadline.recommendation-late'],
    mentions: { 'deadline.recommendation-late': ['2026-05-20 17:30:00'] },
    cites: { 'deadline.recommendation-late': '三、3' },
  },
  {
    name: '09:29:59Z（北京时间 17:29:59）推荐：按时',
    bundle: recommended('recommended', '2026-05-20T09:29:59Z'),
    eligible: true,
  },
  {
    name: '逾期作出的不推荐决定无碍',
    bundle: recommended('not-recommended', '2026-05-21T10:00:00+08:00'),
    eligible: true,
  },
  {
    name: '草稿没有任何截止时间的问题：草稿上的逾期推荐也不报',
    bundle: single({
      submittedAt: undefined,
      recommendation: { status: 'recommended', separateSlot: false, at: '2026-05-21T10:00:00+08:00' },
    }),
    eligible: true,
  },
  {
    name: '提交逾期、推荐按时：只报提交逾期',
    bundle: single({
      submittedAt: '2026-05-18T18:00:00+08:00',
      recommendation: { status: 'recommended', separateSlot: false, at: '2026-05-19T10:00:00+08:00' },
    }),
    eligible: false,
    errors: ['deadline.submission-late'],
  },
];

describe('三、3．截止时间', () => {
  describe('网上填报截止', () => it.each(submissionCases)('$name', (c) => expectOutcome(c)));
  describe('主管部门审核推荐截止', () => it.each(recommendationCases)('$name', (c) => expectOutcome(c)));
});
